/**
 * @module `npm run bench:abandon`: 100 clients each send a 2,000-character question of common words
 * and hang up at once, while /api/health is polled; prints the slowest health answer and how long
 * the server stayed busy. Starts its own server; figures only, no assertions.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const port = 22000 + Math.floor(Math.random() * 20000);
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['bin/kilde.mjs', 'serve'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'inherit', 'inherit'] });
const cpuTicks = (): number => {
  const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
};
for (let i = 0; ; i++) {
  if (i > 600) throw new Error('the server did not start within 60 s');
  if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
  await new Promise((r) => setTimeout(r, 100));
}

const words = 'the police said that women and children who were victims of trafficking in norway could get help from the government and other organisations '.split(' ');
const heavy = (i: number): string => Array.from({ length: 400 }, (_, k) => words[(i * 7 + k * 13) % words.length]).join(' ').slice(0, 2000);

const health: number[] = [];
let polling = true;
const poller = (async () => {
  while (polling) {
    const t = performance.now();
    await fetch(`${base}/api/health`).then((r) => r.arrayBuffer(), () => undefined);
    health.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 20));
  }
})();

const ticksBefore = cpuTicks();
const started = performance.now();
await Promise.all(
  Array.from({ length: 100 }, async (_, i) => {
    const controller = new AbortController();
    const sent = fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: heavy(i) }] }), signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await sent.then((r) => r.arrayBuffer(), () => undefined);
  }),
);
// Busy until the server's CPU time stops growing for 200 ms.
let last = cpuTicks();
let quietSince = performance.now();
while (performance.now() - quietSince < 200 && performance.now() - started < 60_000) {
  await new Promise((r) => setTimeout(r, 50));
  const now = cpuTicks();
  if (now !== last) quietSince = performance.now();
  last = now;
}
const busyMs = quietSince - started;
polling = false;
await poller;
server.kill('SIGTERM');
const cpuMs = (last - ticksBefore) * 10;
console.log(JSON.stringify({ abandoned: 100, busyAfterHangUpMs: Math.round(busyMs), serverCpuMs: cpuMs, healthChecks: health.length, healthMaxMs: Math.round(Math.max(...health)), healthP50Ms: Math.round(health.sort((a, b) => a - b)[Math.floor(health.length / 2)] ?? 0) }));

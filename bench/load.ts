/**
 * @module `npm run load [-- --seconds 20 --concurrency 16]`: a bounded loopback load run. Starts its own
 * server, sends concurrent distinct chats and searches, samples the server's memory, stops by itself.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readEvalSet } from '../src/eval/dataset.ts';
import { percentile } from '../src/eval/percentile.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' }, concurrency: { type: 'string', default: '16' } } });
const seconds = Math.min(120, Number(values.seconds));
const concurrency = Math.min(64, Number(values.concurrency));
const port = 21000 + Math.floor(Math.random() * 20000);
const base = `http://127.0.0.1:${port}`;

const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/node.ts'], {
  env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const rssMb = (): number => {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

for (let i = 0; ; i++) {
  if (i > 600) throw new Error('the server did not start within 60 s');
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 100));
  }
}

const questions = (await readEvalSet('eval/dev.jsonl')).map((i) => i.question);
// Per endpoint: a percentile over search and chat together would describe neither.
const latencies = { search: [] as number[], chat: [] as number[] };
let errors = 0;
let n = 0;
const memory: number[] = [rssMb()];
const sampler = setInterval(() => memory.push(rssMb()), 1000);
const until = performance.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: concurrency }, async (_, worker) => {
    while (performance.now() < until) {
      const q = `${questions[n % questions.length]} (${worker}-${n++})`;
      const chat = n % 2 === 0;
      const t = performance.now();
      try {
        const res = await fetch(`${base}/api/${chat ? 'chat' : 'search'}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(chat ? { messages: [{ role: 'user', content: q }], stream: n % 4 === 0 } : { query: q, k: 8 }),
        });
        await res.arrayBuffer();
        if (!res.ok) errors++;
      } catch {
        errors++;
      }
      latencies[chat ? 'chat' : 'search'].push(performance.now() - t);
    }
  }),
);
clearInterval(sampler);
memory.push(rssMb());
server.kill('SIGTERM');

const requests = latencies.search.length + latencies.chat.length;
const summary = (ms: number[]) => ({ requests: ms.length, p50ms: +percentile(ms, 0.5).toFixed(1), p99ms: +percentile(ms, 0.99).toFixed(1) });
console.log(
  JSON.stringify({
    seconds,
    concurrency,
    requests,
    requestsPerSecond: +(requests / seconds).toFixed(1),
    search: summary(latencies.search),
    chat: summary(latencies.chat),
    errors,
    rssMb: { start: +(memory[0] ?? 0).toFixed(0), end: +(memory[memory.length - 1] ?? 0).toFixed(0), max: +Math.max(...memory).toFixed(0) },
  }),
);

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { TEST_INDEX_DIR } from '../support/runtime.ts';

/** Starts the real server as its own process and resolves with its URL once it listens. */
function startServer(port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/node.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KILDE_INDEX_DIR: TEST_INDEX_DIR, LOG_LEVEL: 'info', OPENAI_API_KEY: '', OPENAI_BASE_URL: '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const listening = new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('server: listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited early (${code}): ${log}`)));
  });
  return { child, listening, logs: () => log, url: `http://127.0.0.1:${port}` };
}

describe('graceful shutdown', () => {
  it('finishes an in-flight request after SIGTERM, then exits with 0', async () => {
    const server = startServer(20000 + Math.floor(Math.random() * 20000));
    await server.listening;
    // A streamed answer: its headers arrive first, so the request is surely in flight when the signal comes.
    const res = await fetch(`${server.url}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'How long is the reflection period?' }], stream: true }),
    });
    const exited = once(server.child, 'exit');
    server.child.kill('SIGTERM');
    const result = { status: res.status, body: await res.text() };
    const [code] = await exited;
    expect(result.status).toBe(200);
    expect(result.body).toContain('event: done');
    expect(code).toBe(0);
    expect(server.logs()).toContain('"signal":"SIGTERM"');
  }, 30_000);
});

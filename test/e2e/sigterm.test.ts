import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { offlineEnv } from '../support/offline-env.ts';
import { createChatMock, type ChatMock } from '../support/openai-mock.ts';
import { TEST_INDEX_DIR } from '../support/runtime.ts';

/** Starts the real server as its own process and resolves with its URL once it listens. */
function startServer(port: number, model: { apiKey: string; baseUrl: string }) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/node.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KILDE_INDEX_DIR: TEST_INDEX_DIR, LOG_LEVEL: 'info', OPENAI_API_KEY: model.apiKey, OPENAI_BASE_URL: model.baseUrl },
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

/**
 * Serves the msw OpenAI mock over real HTTP, for a server running in another process (msw itself
 * intercepts only its own process): each request is resolved by the mock's handler and piped back.
 */
async function serveMock(mock: ChatMock): Promise<{ baseUrl: string; server: Server }> {
  const server = createServer((req, res) => {
    void (async () => {
      const body: Buffer[] = [];
      for await (const chunk of req) body.push(chunk as Buffer);
      const headers = Object.entries(req.headers).flatMap(([k, v]): Array<[string, string]> => (v === undefined ? [] : [[k, String(v)]]));
      const request = new Request(`http://127.0.0.1:4010${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(body.length ? { body: Buffer.concat(body) } : {}) });
      const response = await getResponse([mock.handler], request);
      if (!response) return void res.writeHead(404).end();
      const responseHeaders: Record<string, string> = {};
      response.headers.forEach((value, key) => void (responseHeaders[key] = value));
      res.writeHead(response.status, responseHeaders);
      const reader = response.body?.getReader();
      for (let r = await reader?.read(); r && !r.done; r = await reader?.read()) res.write(r.value);
      res.end();
    })();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, server };
}

describe('graceful shutdown', () => {
  it('lets a slowly streaming model answer finish after SIGTERM, then exits with 0', async () => {
    // About 2 s of streaming: SIGTERM arrives while most of the answer is still to come.
    const mock = createChatMock({ text: 'The reflection period lasts six months [1]. It is a residence permit that cannot be renewed [1].', pieceDelayMs: 100 });
    const model = await serveMock(mock);
    const server = startServer(20000 + Math.floor(Math.random() * 20000), { apiKey: 'test-key', baseUrl: model.baseUrl });
    try {
      await server.listening;
      const res = await fetch(`${server.url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messages: [{ role: 'user', content: 'How long is the reflection period?' }], stream: true }),
      });
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let body = '';
      while (!body.includes('event: delta')) {
        const r = await reader.read();
        if (r.done) throw new Error(`the stream ended before any delta: ${body}`);
        body += decoder.decode(r.value, { stream: true });
      }
      const exited = once(server.child, 'exit');
      server.child.kill('SIGTERM');
      const atSignal = body.length;
      for (let r = await reader.read(); !r.done; r = await reader.read()) body += decoder.decode(r.value, { stream: true });
      const [code] = await exited;
      expect(body.slice(atSignal)).toContain('event: delta');
      const done = /event: done\ndata: (.*)\n/.exec(body)?.[1];
      expect(JSON.parse(done ?? '{}')).toMatchObject({ answerer: expect.stringMatching(/^openai:/), grounded: true });
      expect(code).toBe(0);
      expect(server.logs()).toContain('"signal":"SIGTERM"');
      expect(mock.requests.length).toBeGreaterThan(0);
    } finally {
      server.child.kill('SIGKILL');
      model.server.close();
    }
  }, 60_000);

  it('stops the server started by `npm start` (compiled JavaScript) when the npm process gets SIGTERM, and frees the port', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const env = offlineEnv({ withoutNpm: true });
    const npm = spawn('npm', ['start', '--silent'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1', KILDE_INDEX_DIR: TEST_INDEX_DIR, LOG_LEVEL: 'info' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    try {
      await new Promise<void>((resolve, reject) => {
        npm.stderr.on('data', (chunk: Buffer) => {
          log += chunk.toString();
          if (log.includes('server: listening')) resolve();
        });
        npm.once('exit', (code) => reject(new Error(`npm start exited early (${code}): ${log}`)));
      });
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      // Plain node running the compiled JavaScript: no loader process in between.
      expect(log).toContain('"compiled":true');
      const exited = once(npm, 'exit');
      npm.kill('SIGTERM');
      await exited;
      // The server itself must be gone too, not only npm: nothing may answer on its port.
      await expect.poll(async () => fetch(`http://127.0.0.1:${port}/api/health`).then(() => 'answering', () => 'gone'), { timeout: 10_000 }).toBe('gone');
      expect(log).toContain('server: stopped');
    } finally {
      npm.kill('SIGKILL');
    }
  }, 60_000);
});

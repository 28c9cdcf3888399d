import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './harness.ts';

/** Over real HTTP: an oversized body is refused with a 413 the client can read, and the server goes on. */
let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

describe('a body over 64 KB', () => {
  it.each([
    ['with a Content-Length', 5_000_000, false],
    ['sent in chunks, without a length', 2_000_000, true],
  ])('gets a readable 413 JSON error (%s), and the next request is answered', async (_name, size, chunked) => {
    const payload = new TextEncoder().encode(`{"query":"${'a'.repeat(size)}"}`);
    const body = chunked
      ? new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < payload.length; i += 65_536) controller.enqueue(payload.subarray(i, i + 65_536));
            controller.close();
          },
        })
      : payload;
    const res = await fetch(`${server.url}/api/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, ...(chunked ? { duplex: 'half' } : {}) } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});

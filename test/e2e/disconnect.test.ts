import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/answerer.ts';
import type { AnswerRequest, AnswerResult } from '../../src/answer/types.ts';
import { silentLogger } from '../../src/log.ts';
import { createApp } from '../../src/server/app.ts';

/** Streams a word every 20 ms until told to stop, and remembers whether it was. */
class EndlessAnswerer implements Answerer {
  readonly name = 'endless';
  aborted = false;
  async answer(request: AnswerRequest): Promise<AnswerResult> {
    for (let i = 0; i < 500; i++) {
      if (request.signal?.aborted) {
        this.aborted = true;
        throw new Error('aborted');
      }
      request.onDelta?.(`word${i} `);
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('never finished');
  }
}

describe('a client that disconnects mid-stream', () => {
  it('stops the answer it was waiting for', async () => {
    const answerer = new EndlessAnswerer();
    const app = createApp({ documents: [], search: { search: async () => [] }, chunkCount: 0, embedderName: 'x', answerer, logger: silentLogger });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const controller = new AbortController();
      const res = await fetch(`http://127.0.0.1:${port}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messages: [{ role: 'user', content: 'Tell me everything.' }], stream: true }),
        signal: controller.signal,
      });
      const reader = res.body?.getReader();
      await reader?.read();
      controller.abort();
      await expect.poll(() => answerer.aborted, { timeout: 2000 }).toBe(true);
    } finally {
      server.close();
    }
  });
});

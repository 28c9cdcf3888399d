import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { describe, expect, it } from 'vitest';
import { loadShed } from './index.ts';

/** An app whose answers wait until the test releases them, behind a gate of `maxConcurrent` and `queueLimit`. */
function gatedApp(maxConcurrent: number, queueLimit: number, queueTimeoutMs = 5_000) {
  const gate = loadShed({ maxConcurrent, queueLimit, queueTimeoutMs });
  const releases: Array<() => void> = [];
  const app = new Hono();
  app.use('/work', gate.middleware);
  app.use('/stream', gate.middleware);
  app.post('/work', async (c) => {
    await new Promise<void>((resolve) => releases.push(resolve));
    return c.json({ ok: true });
  });
  app.post('/stream', (c) =>
    streamSSE(c, async (stream) => {
      await new Promise<void>((resolve) => releases.push(resolve));
      await stream.writeSSE({ data: 'done' });
    }),
  );
  const post = (path = '/work', signal?: AbortSignal) => app.request(path, { method: 'POST', ...(signal ? { signal } : {}) });
  const releaseOne = () => releases.shift()?.();
  return { gate, post, releaseOne, releases };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe('load shedding', () => {
  it('answers up to maxConcurrent at once, queues queueLimit more, and turns the rest away with 503 and Retry-After', async () => {
    const { gate, post, releaseOne } = gatedApp(1, 1);
    const first = post();
    const second = post();
    await settle();
    expect(gate.stats()).toEqual({ active: 1, queued: 1 });
    const third = await post();
    expect(third.status).toBe(503);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await third.json()).toMatchObject({ error: { code: 'overloaded' } });
    releaseOne();
    expect((await first).status).toBe(200);
    await settle();
    releaseOne();
    expect((await second).status).toBe(200);
    expect(gate.stats()).toEqual({ active: 0, queued: 0 });
  });

  it('gives up a queued place when its client leaves', async () => {
    const { gate, post, releaseOne } = gatedApp(1, 5);
    const first = post();
    const controller = new AbortController();
    const leaving = post('/work', controller.signal);
    await settle();
    expect(gate.stats().queued).toBe(1);
    controller.abort();
    await Promise.resolve(leaving).catch(() => undefined);
    await settle();
    expect(gate.stats()).toEqual({ active: 1, queued: 0 });
    releaseOne();
    await first;
    expect(gate.stats()).toEqual({ active: 0, queued: 0 });
  });

  it('answers 503 to a question that waited longer than queueTimeoutMs', async () => {
    const { post, releaseOne } = gatedApp(1, 5, 30);
    const first = post();
    const late = await post();
    expect(late.status).toBe(503);
    releaseOne();
    await first;
  });

  it('holds a streamed answer\u2019s slot until its stream ends', async () => {
    const { gate, post, releaseOne } = gatedApp(1, 0);
    const stream = await post('/stream');
    expect(stream.status).toBe(200);
    await settle();
    expect(gate.stats().active).toBe(1);
    expect((await post()).status).toBe(503);
    releaseOne();
    expect(await stream.text()).toContain('data: done');
    expect(gate.stats().active).toBe(0);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { createUseLiteEmbeddings } from './use-lite.ts';
import { WorkerUseLiteEmbeddings } from './worker.ts';

describe('WorkerUseLiteEmbeddings', () => {
  const worker = new WorkerUseLiteEmbeddings(2);
  afterAll(() => worker.close());

  it('gives exactly the vectors of the model run inline, so one index serves both', async () => {
    const inline = await createUseLiteEmbeddings();
    const texts = ['How long is the reflection period?', 'Who runs the ROSA project?', 'hjelp'];
    expect(worker.name).toBe(inline.name);
    expect(await worker.embedDocuments(texts)).toEqual(await inline.embedDocuments(texts));
    expect(await worker.embedQuery(texts[0] ?? '')).toEqual(await inline.embedQuery(texts[0] ?? ''));
  }, 60_000);

  it('serves requests on both lanes at once, and again after being closed', async () => {
    const [a, b] = await Promise.all([worker.embedQuery('first'), worker.embedQuery('second')]);
    expect(a).toHaveLength(512);
    expect(b).toHaveLength(512);
    await worker.close();
    expect(await worker.embedQuery('first')).toEqual(a);
  }, 60_000);

  it('warms every lane: the first has the model loaded when warm() returns, the others are starting', async () => {
    await worker.close();
    expect(worker.threads).toBe(0);
    await worker.warm();
    expect(worker.threads).toBe(2);
    expect(await worker.embedQuery('after warming')).toHaveLength(512);
  }, 60_000);
});

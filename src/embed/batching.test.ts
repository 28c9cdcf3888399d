import { Embeddings } from '@langchain/core/embeddings';
import { describe, expect, it } from 'vitest';
import { BatchingEmbedder } from './batching.ts';
import type { Embedder } from './embedder.ts';

/** A model that records its calls and answers each batch when the test lets it. */
class RecordingModel extends Embeddings implements Embedder {
  readonly name = 'recording';
  readonly dims = 2;
  readonly maxBatch = 32;
  readonly calls: string[][] = [];
  private releases: Array<() => void> = [];

  constructor(readonly lanes = 1) {
    super({});
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    this.calls.push(texts);
    await new Promise<void>((resolve) => this.releases.push(resolve));
    return texts.map((t) => [t.length, 1]);
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.embedDocuments([text]))[0] ?? [];
  }

  /** Lets every batch sent so far finish. */
  release(): void {
    for (const r of this.releases.splice(0)) r();
  }
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('BatchingEmbedder', () => {
  it('passes warm() on to the model it wraps', async () => {
    let warmed = 0;
    const model = Object.assign(new RecordingModel(2), { warm: async () => void warmed++ });
    await new BatchingEmbedder(model, { maxBatch: 8, cacheSize: 10 }).warm();
    expect(warmed).toBe(1);
  });

  it('sends queries of one turn as one batch, and those that come meanwhile as the next', async () => {
    const model = new RecordingModel();
    const embedder = new BatchingEmbedder(model, { maxBatch: 8, cacheSize: 10 });
    const first = [embedder.embedQuery('a'), embedder.embedQuery('bb')];
    await tick();
    expect(model.calls).toEqual([['a', 'bb']]);
    const later = [embedder.embedQuery('ccc'), embedder.embedQuery('dddd')];
    await tick();
    expect(model.calls.length).toBe(1);
    model.release();
    expect(await Promise.all(first)).toEqual([[1, 1], [2, 1]]);
    await tick();
    expect(model.calls).toEqual([['a', 'bb'], ['ccc', 'dddd']]);
    model.release();
    expect(await Promise.all(later)).toEqual([[3, 1], [4, 1]]);
  });

  it('keeps batches to maxBatch', async () => {
    const model = new RecordingModel();
    const embedder = new BatchingEmbedder(model, { maxBatch: 2, cacheSize: 10 });
    const all = ['a', 'b', 'c'].map((t) => embedder.embedQuery(t));
    await tick();
    model.release();
    await tick();
    await tick();
    model.release();
    await Promise.all(all);
    expect(model.calls).toEqual([['a', 'b'], ['c']]);
  });

  it('answers a repeated query from its cache, and one asked twice at once with one embedding', async () => {
    const model = new RecordingModel();
    const embedder = new BatchingEmbedder(model, { maxBatch: 8, cacheSize: 10 });
    const twice = [embedder.embedQuery('same'), embedder.embedQuery('same')];
    await tick();
    model.release();
    await Promise.all(twice);
    expect(await embedder.embedQuery('same')).toEqual([4, 1]);
    expect(model.calls).toEqual([['same']]);
  });

  it('drops a queued query whose request was abandoned before its batch goes', async () => {
    const model = new RecordingModel();
    const embedder = new BatchingEmbedder(model, { maxBatch: 8, cacheSize: 10 });
    const busy = embedder.embedQuery('first');
    await tick();
    const controller = new AbortController();
    const abandoned = embedder.embedQuery('left', controller.signal);
    const kept = embedder.embedQuery('kept');
    controller.abort(new Error('client left'));
    model.release();
    await busy;
    await tick();
    model.release();
    await expect(abandoned).rejects.toThrow('client left');
    await kept;
    expect(model.calls).toEqual([['first'], ['kept']]);
  });

  it('keeps a shared query alive when only one of its askers leaves', async () => {
    const model = new RecordingModel();
    const embedder = new BatchingEmbedder(model, { maxBatch: 8, cacheSize: 10 });
    const busy = embedder.embedQuery('first');
    await tick();
    const controller = new AbortController();
    const left = embedder.embedQuery('shared', controller.signal);
    const stayed = embedder.embedQuery('shared');
    controller.abort();
    model.release();
    await busy;
    await tick();
    model.release();
    expect(await stayed).toEqual([6, 1]);
    expect(await left).toEqual([6, 1]);
  });

  it('uses every lane of the model at once', async () => {
    const model = new RecordingModel(2);
    const embedder = new BatchingEmbedder(model, { maxBatch: 1, cacheSize: 10 });
    const all = ['a', 'b', 'c'].map((t) => embedder.embedQuery(t));
    await tick();
    expect(model.calls).toEqual([['a'], ['b']]);
    model.release();
    await tick();
    await tick();
    model.release();
    await Promise.all(all);
    expect(model.calls).toEqual([['a'], ['b'], ['c']]);
  });
});

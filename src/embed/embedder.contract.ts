/** @module Shared behaviour every Embedder must show; each implementation's test runs it. */
import { expect, it } from 'vitest';
import type { Embedder } from './embedder.ts';

const cosine = (a: number[], b: number[]): number => {
  let dot = 0;
  let na = 0;
  let nb = 0;
  a.forEach((x, i) => {
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  });
  return dot / Math.sqrt(na * nb);
};

export function runEmbedderContract(make: () => Promise<Embedder>): void {
  it('returns one vector of `dims` numbers per document, in order', async () => {
    const embedder = await make();
    const vectors = await embedder.embedDocuments(['victims of trafficking', 'a residence permit', 'police investigations']);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) expect(v).toHaveLength(embedder.dims);
  });

  it('embeds a query like the same text as a document', async () => {
    const embedder = await make();
    const [doc] = await embedder.embedDocuments(['the reflection period for victims']);
    const query = await embedder.embedQuery('the reflection period for victims');
    expect(cosine(doc ?? [], query)).toBeGreaterThan(0.99);
  });

  it('handles more documents than one batch', async () => {
    const embedder = await make();
    const texts = Array.from({ length: embedder.maxBatch + 3 }, (_, i) => `text number ${i}`);
    expect(await embedder.embedDocuments(texts)).toHaveLength(texts.length);
  });
}

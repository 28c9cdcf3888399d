/** @module A fast deterministic embedder for tests: hashed bag of stemmed words. Passes the Embedder contract. */
import { Embeddings } from '@langchain/core/embeddings';
import type { Embedder } from '../../src/embed/embedder.ts';
import { terms } from '../../src/text/terms.ts';

export class HashEmbedder extends Embeddings implements Embedder {
  readonly maxBatch = 16;
  constructor(
    readonly dims = 64,
    readonly name = `hash-${dims}`,
  ) {
    super({});
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => this.vector(d));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.vector(document);
  }

  private vector(text: string): number[] {
    const v = new Array<number>(this.dims).fill(0);
    v[0] = 0.01;
    for (const t of terms(text)) {
      let h = 2166136261;
      for (const ch of t) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
      v[h % this.dims] = (v[h % this.dims] ?? 0) + 1;
    }
    return v;
  }
}

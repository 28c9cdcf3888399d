/** @module Picks the embedder named by the configuration; the only module that names a concrete provider. */
import type { Config } from '../config.ts';
import { BatchingEmbedder } from './batching.ts';
import type { Embedder } from './embedder.ts';

export type { Embedder } from './embedder.ts';

/** The configured model, with concurrent queries batched and repeated ones cached (batching.ts). */
export async function createEmbedder(config: Pick<Config, 'embeddings'>): Promise<Embedder> {
  return new BatchingEmbedder(await createModel(config.embeddings));
}

async function createModel(c: Config['embeddings']): Promise<Embedder> {
  switch (c.provider) {
    case 'local':
      return c.workers > 0 ? new (await import('./worker.ts')).WorkerUseLiteEmbeddings(c.workers) : (await import('./use-lite.ts')).createUseLiteEmbeddings();
    case 'openai':
      return (await import('./openai.ts')).createOpenAIEmbedder(c);
  }
}

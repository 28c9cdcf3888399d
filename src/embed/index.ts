/** @module Picks the embedder named by the configuration; the only module that names a concrete provider. */
import type { Config } from '../config.ts';
import type { Embedder } from './embedder.ts';

export type { Embedder } from './embedder.ts';

export async function createEmbedder(config: Pick<Config, 'embeddings'>): Promise<Embedder> {
  const c = config.embeddings;
  switch (c.provider) {
    case 'local':
      return (await import('./use-lite.ts')).createUseLiteEmbeddings();
    case 'openai':
      return (await import('./openai.ts')).createOpenAIEmbedder(c);
  }
}

/** @module A tiny corpus built in memory for unit tests: inline documents, a hashed embedder, a WordNet of a few words. */
import { buildIndex } from '../../src/ingest/pipeline.ts';
import type { NounCategory, WordNet } from '../../src/lexicon/wordnet.ts';
import { silentLogger } from '../../src/log.ts';
import { corpusContext, type CorpusContext } from '../../src/compose.ts';
import type { BuiltIndex } from '../../src/index/built-index.ts';
import type { SourceDocument } from '../../src/types.ts';
import { HashEmbedder } from './hash-embedder.ts';

/** A WordNet that knows only that a jail is a prison and a shelter a place. */
export const TINY_WORDNET: WordNet = {
  relations: new Map([['jail', new Map([['prison', 'synonym' as const]])]]),
  categories: new Map<string, Set<NounCategory>>([
    ['shelter', new Set(['place'])],
    ['police', new Set(['organization'])],
  ]),
  common: new Set(['jail', 'prison', 'shelter', 'police']),
};

export function tinyDoc(id: string, text: string, meta: Partial<SourceDocument> = {}): SourceDocument {
  return { id, file: `${id}.txt`, title: `${id} title`, shortTitle: id, publisher: null, date: null, source: null, text, ...meta };
}

export interface TinyCorpus extends CorpusContext {
  index: BuiltIndex;
  docs: SourceDocument[];
  embedder: HashEmbedder;
}

export async function tinyCorpus(docs: SourceDocument[]): Promise<TinyCorpus> {
  const embedder = new HashEmbedder();
  const index = await buildIndex(docs, embedder, silentLogger, { wordNet: TINY_WORDNET });
  return { ...corpusContext(index, docs), index, docs, embedder };
}

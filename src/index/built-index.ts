/**
 * @module The built index as it lives in memory, and how it is read back from its files' contents.
 * Pure: no file system and no native addon, so the Cloudflare Worker can load a bundled index too.
 */
import { z } from 'zod';
import { Lexicon, type LexiconData } from '../lexicon/lexicon.ts';
import type { Chunk, Section, Sentence } from '../types.ts';
import { PassageSearch } from './passage-search.ts';
import type { Passage } from './passages.ts';
import type { VectorStore } from './vector-store.ts';

/** Bump when the saved layout changes (parser and chunker changes are caught by the code fingerprint). */
export const INDEX_FORMAT_VERSION = 5;

export const manifestSchema = z.object({
  formatVersion: z.number(),
  corpusHash: z.string(),
  embedder: z.object({ name: z.string(), dims: z.number().int().positive() }),
  counts: z.object({ documents: z.number(), sections: z.number(), chunks: z.number(), sentences: z.number(), passages: z.number(), questions: z.number() }),
  builtAt: z.string(),
  buildMs: z.number(),
  /** sha256 of every other file of the build: checked before any is parsed, so a corrupt file never reaches the native hnswlib reader. */
  files: z.record(z.string(), z.string()),
});

export type IndexManifest = z.infer<typeof manifestSchema>;

/** Everything retrieval needs, in memory. */
export interface BuiltIndex {
  manifest: IndexManifest;
  sectionsByDoc: Record<string, Section[]>;
  chunks: Chunk[];
  sentences: Sentence[];
  /** Candidate answers: runs of one to three sentences, and lists with their introduction. */
  passages: Passage[];
  passageSearch: PassageSearch;
  lexicon: Lexicon;
  /** Sentence vectors by sentence id: hnswlib in the Node server, an exact store elsewhere. */
  vectors: VectorStore;
  /** Sentence vectors, row-major `sentences.length × dims`, for exact re-scoring. */
  sentenceVectors: Float32Array;
  /** Vectors of the remembered questions (see rank/memory.ts), row-major, in the order the build was given them. */
  questionVectors: Float32Array;
}

export interface CorpusFile {
  sectionsByDoc: Record<string, Section[]>;
  chunks: Chunk[];
  sentences: Sentence[];
  passages: Passage[];
}

/** The parsed contents of a build's files; the vector store is the caller's (hnswlib in Node, exact elsewhere). */
export interface IndexContents {
  manifest: IndexManifest;
  corpus: string;
  passageSearch: string;
  lexicon: string;
  sentenceVectors: Float32Array;
  questionVectors: Float32Array;
}

/** The index from its files' contents; throws when they disagree on their sizes. */
export function indexFromContents(contents: IndexContents, vectors: VectorStore): BuiltIndex {
  const { manifest, sentenceVectors, questionVectors } = contents;
  const corpusFile = JSON.parse(contents.corpus) as CorpusFile;
  const passageSearch = PassageSearch.fromJSON(contents.passageSearch);
  const lexicon = new Lexicon(JSON.parse(contents.lexicon) as LexiconData);
  const n = corpusFile.sentences.length;
  const dims = manifest.embedder.dims;
  if (corpusFile.chunks.length !== manifest.counts.chunks || corpusFile.passages.length !== manifest.counts.passages || n !== manifest.counts.sentences || vectors.size !== n || sentenceVectors.length !== n * dims || questionVectors.length !== manifest.counts.questions * dims) {
    throw new Error('the index files disagree on their sizes');
  }
  return { manifest, ...corpusFile, passageSearch, lexicon, vectors, sentenceVectors, questionVectors };
}

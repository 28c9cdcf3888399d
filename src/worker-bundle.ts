/** @module What `npm run build:worker` writes for the Cloudflare Worker beside the page's files, and where. */
import type { IndexManifest } from './index/built-index.ts';
import type { SourceDocument } from './types.ts';

/** Under the Worker's static assets: fetched once, at the first request an isolate serves. */
export const BUNDLE_PATHS = { data: '/_kilde/bundle.json', sentenceVectors: '/_kilde/sentence-vectors.f32', questionVectors: '/_kilde/question-vectors.f32' } as const;

/** The index's text files and the documents; the vectors travel as raw Float32 files. */
export interface WorkerBundle {
  docs: SourceDocument[];
  manifest: IndexManifest;
  corpus: string;
  passageSearch: string;
  lexicon: string;
}

/** @module BM25 keyword index over chunks (MiniSearch), with stemming and spelling folding from text/terms. */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { toTerm, tokenize } from '../text/terms.ts';
import type { Chunk } from '../types.ts';

/** `[chunk index, BM25 score]`, best first. */
export type ScoredIndex = [index: number, score: number];

export interface KeywordOptions {
  /** Weight of a match in the document title and section path against one in the body (default 1.5). */
  headingBoost: number;
  /** BM25 parameters as MiniSearch names them: k (saturation, default 1.2), b (length norm, default 0.7), d (default 0.5). */
  bm25: { k: number; b: number; d: number };
  /** Weight of a synonym the question did not use, against one of its own terms (default 0.5). */
  expansionBoost: number;
}

export const defaultKeywordOptions: KeywordOptions = { headingBoost: 1.5, bm25: { k: 1.2, b: 0.7, d: 0.5 }, expansionBoost: 0.5 };

interface IndexedChunk {
  id: number;
  heading: string;
  body: string;
  docId: string;
}

const miniSearchOptions: Options<IndexedChunk> = {
  fields: ['heading', 'body'],
  storeFields: ['docId'],
  tokenize,
  processTerm: (term: string) => toTerm(term) ?? false,
};

export class KeywordIndex {
  private constructor(
    private readonly search_: MiniSearch<IndexedChunk>,
    private readonly options: KeywordOptions,
  ) {}

  static build(chunks: ReadonlyArray<Chunk>, options: Partial<KeywordOptions> = {}): KeywordIndex {
    const ms = new MiniSearch<IndexedChunk>(miniSearchOptions);
    ms.addAll(
      chunks.map((c, id) => {
        const nl = c.indexText.indexOf('\n');
        return { id, heading: c.indexText.slice(0, nl), body: c.indexText.slice(nl + 1), docId: c.docId };
      }),
    );
    return new KeywordIndex(ms, { ...defaultKeywordOptions, ...options });
  }

  static fromJSON(json: string, options: Partial<KeywordOptions> = {}): KeywordIndex {
    return new KeywordIndex(MiniSearch.loadJSON<IndexedChunk>(json, miniSearchOptions), { ...defaultKeywordOptions, ...options });
  }

  toJSON(): string {
    return JSON.stringify(this.search_);
  }

  /**
   * Chunks matching any query term, by BM25, optionally only from `docIds`. `expansions` are extra
   * terms (synonyms the question did not use) searched at `expansionBoost` weight.
   */
  search(query: string, limit: number, docIds?: ReadonlySet<string>, expansions: ReadonlyArray<string> = []): ScoredIndex[] {
    const extra = new Set(expansions);
    const searchOptions: SearchOptions = {
      boost: { heading: this.options.headingBoost },
      ...(extra.size ? { boostTerm: (term: string) => (extra.has(term) ? this.options.expansionBoost : 1) } : {}),
      bm25: this.options.bm25,
      combineWith: 'OR',
      ...(docIds ? { filter: (r) => docIds.has(String(r['docId'])) } : {}),
    };
    return this.search_
      .search(extra.size ? `${query} ${[...extra].join(' ')}` : query, searchOptions)
      .slice(0, limit)
      .map((r): ScoredIndex => [Number(r.id), r.score]);
  }
}

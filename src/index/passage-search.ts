/**
 * @module BM25 over passages (MiniSearch), one field at a time: the passage's own text, its section's
 * titles and its document's title, so a ranker can weigh a match in each differently.
 */
import { LRUCache } from 'lru-cache';
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { toTerm, tokenize } from '../text/terms.ts';
import type { DocumentMeta, Section, Sentence } from '../types.ts';
import type { Passage } from './passages.ts';

export const PASSAGE_FIELDS = ['text', 'section', 'title'] as const;
export type PassageField = (typeof PASSAGE_FIELDS)[number];

/** What is indexed of a passage. */
export interface PassageDocument {
  id: number;
  docId: string;
  text: string;
  section: string;
  title: string;
}

/** What each passage is indexed as: its cleaned text, its section path, its document's titles. */
export function passageDocuments(
  passages: ReadonlyArray<Passage>,
  sentences: ReadonlyArray<Sentence>,
  sectionsByDoc: Readonly<Record<string, ReadonlyArray<Section>>>,
  docs: ReadonlyArray<Pick<DocumentMeta, 'id' | 'title' | 'shortTitle'>>,
): PassageDocument[] {
  const titles = new Map(docs.map((d) => [d.id, `${d.title} ${d.shortTitle}`]));
  const paths = new Map(Object.entries(sectionsByDoc).flatMap(([docId, list]) => list.map((s) => [`${docId}/${s.id}`, s.path.join(' › ')] as const)));
  return passages.map((p) => ({
    id: p.id,
    docId: p.docId,
    text: p.sentenceIds.map((id) => sentences[id]?.cleanText ?? '').join(' '),
    section: paths.get(`${p.docId}/${p.sectionId}`) ?? '',
    title: titles.get(p.docId) ?? '',
  }));
}

export interface BM25Options {
  /** Term-frequency saturation (default 1.2, the usual BM25 value). */
  k: number;
  /** Length normalisation (default 0.7, MiniSearch's default). */
  b: number;
  /** BM25+ lower bound (default 0.5, MiniSearch's default). */
  d: number;
}

export const defaultBM25Options: BM25Options = { k: 1.2, b: 0.7, d: 0.5 };

/** A query term and its weight (1 for the question's own words, less for words the lexicon adds). */
export type WeightedTerm = readonly [term: string, weight: number];

const miniSearchOptions: Options<PassageDocument> = {
  fields: [...PASSAGE_FIELDS],
  storeFields: ['docId'],
  tokenize,
  processTerm: (term: string) => toTerm(term) ?? false,
};

/** One term's BM25 in one field: the passages it matches, their documents and scores. */
interface Postings {
  ids: number[];
  docIds: string[];
  scores: number[];
}

/**
 * Terms remembered with their postings. Questions share most of their words, so a question's BM25
 * is a sum over postings already scored; 5,000 terms of a few hundred passages each stay under ~50 MB
 * at worst (this corpus has ~6,000 terms, most matching a handful of passages).
 */
const POSTINGS_CACHE_TERMS = 5_000;

export class PassageSearch {
  private readonly postings = new LRUCache<string, Postings>({ max: POSTINGS_CACHE_TERMS });

  private constructor(
    private readonly index: MiniSearch<PassageDocument>,
    private readonly bm25: BM25Options,
  ) {}

  static build(documents: ReadonlyArray<PassageDocument>, bm25: Partial<BM25Options> = {}): PassageSearch {
    const index = new MiniSearch<PassageDocument>(miniSearchOptions);
    index.addAll(documents);
    return new PassageSearch(index, { ...defaultBM25Options, ...bm25 });
  }

  static fromJSON(json: string, bm25: Partial<BM25Options> = {}): PassageSearch {
    return new PassageSearch(MiniSearch.loadJSON<PassageDocument>(json, miniSearchOptions), { ...defaultBM25Options, ...bm25 });
  }

  toJSON(): string {
    return JSON.stringify(this.index);
  }

  private postingsOf(field: PassageField, term: string): Postings {
    const key = `${field}\u0000${term}`;
    const known = this.postings.get(key);
    if (known) return known;
    const options: SearchOptions = {
      fields: [field],
      bm25: this.bm25,
      // The terms are index terms already: tokenising or stemming them again would change them.
      tokenize: (q: string) => [q],
      processTerm: (t: string) => t,
    };
    const found: Postings = { ids: [], docIds: [], scores: [] };
    for (const r of this.index.search(term, options)) {
      found.ids.push(Number(r.id));
      found.docIds.push(String(r['docId']));
      found.scores.push(r.score);
    }
    this.postings.set(key, found);
    return found;
  }

  /**
   * BM25 of `field` for every passage matching any of `terms` (already index terms: stemmed), with
   * each term's weight applied; `allowed` limits the documents searched. The same scores as one
   * MiniSearch OR query (the weighted sum times the number of query terms matched), summed from
   * each term's remembered postings.
   */
  search(field: PassageField, terms: ReadonlyArray<WeightedTerm>, allowed?: ReadonlySet<string>): Map<number, number> {
    const weights = new Map<string, number>();
    for (const [term, weight] of terms) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    const sums = new Map<number, { score: number; matched: number }>();
    for (const [term, weight] of weights) {
      const { ids, docIds, scores } = this.postingsOf(field, term);
      for (let i = 0; i < ids.length; i++) {
        if (allowed && !allowed.has(docIds[i] ?? '')) continue;
        const id = ids[i] ?? 0;
        const score = weight * (scores[i] ?? 0);
        const sum = sums.get(id);
        if (sum) {
          sum.score += score;
          sum.matched++;
        } else sums.set(id, { score, matched: 1 });
      }
    }
    const result = new Map<number, number>();
    for (const [id, { score, matched }] of sums) result.set(id, score * matched);
    return result;
  }
}

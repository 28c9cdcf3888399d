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

/** One term's BM25 in one field: the passages it matches, best first, and a lookup by passage. */
interface Postings {
  ids: number[];
  docIds: string[];
  scores: number[];
  /** Where each passage is in the lists above. */
  position: Map<number, number>;
}

/** A keyword query's result: its best passages, and the score of any passage on demand. */
export interface KeywordHits {
  /** The best passages (at most the number asked for), best first: higher score, then lower id. */
  readonly top: ReadonlyArray<number>;
  /** The best score (0 when nothing matched), to put scores on a 0–1 scale. */
  readonly best: number;
  /** A passage's score (0 when it matches none of the terms or its document is not allowed). */
  score(id: number): number;
}

/**
 * Terms remembered with their postings. Questions share most of their words, so a question's BM25
 * is summed from postings already scored; 5,000 terms of a few hundred passages each stay under ~50 MB
 * at worst (this corpus has ~6,000 terms, most matching a handful of passages).
 */
const POSTINGS_CACHE_TERMS = 5_000;

/** Whether (id a, score a) ranks before (id b, score b): higher score, then lower id. */
const ranksBefore = (a: number, sa: number, b: number, sb: number): boolean => sa > sb || (sa === sb && a < b);

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
    const found: Postings = { ids: [], docIds: [], scores: [], position: new Map() };
    // MiniSearch returns them best first, which the threshold walk below relies on.
    for (const r of this.index.search(term, options)) {
      const id = Number(r.id);
      found.ids.push(id);
      found.docIds.push(String(r['docId']));
      found.scores.push(r.score);
      found.position.set(id, found.ids.length - 1);
    }
    this.postings.set(key, found);
    return found;
  }

  /**
   * BM25 of `field` over `terms` (already index terms: stemmed), each with its weight; `allowed`
   * limits the documents searched. A passage scores as in one MiniSearch OR query: the weighted sum
   * of its terms' scores times the number of query terms it matches.
   *
   * The best `n` are found with Fagin's threshold algorithm: the terms' postings are walked best
   * first in step, each passage met is scored in full from the other terms' lookups, and the walk
   * stops once no passage not yet met could beat the n-th best. A common word then costs as much
   * as the depth reached, not the length of its postings, which keeps a large corpus cheap.
   */
  search(field: PassageField, terms: ReadonlyArray<WeightedTerm>, n: number, allowed?: ReadonlySet<string>): KeywordHits {
    const weights = new Map<string, number>();
    for (const [term, weight] of terms) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
    const lists = [...weights].map(([term, weight]) => ({ weight, postings: this.postingsOf(field, term) })).filter((l) => l.postings.ids.length > 0);
    const score = (id: number): number => {
      let sum = 0;
      let matched = 0;
      for (const { weight, postings } of lists) {
        const at = postings.position.get(id);
        if (at === undefined) continue;
        if (matched === 0 && allowed && !allowed.has(postings.docIds[at] ?? '')) return 0;
        sum += weight * (postings.scores[at] ?? 0);
        matched++;
      }
      return sum * matched;
    };

    // The best n so far, worst first (a sorted array: n is small).
    const best: Array<[number, number]> = [];
    const seen = new Set<number>();
    const longest = Math.max(0, ...lists.map((l) => l.postings.ids.length));
    for (let depth = 0; depth < longest && n > 0; depth++) {
      const frontier: number[] = [];
      for (const { weight, postings } of lists) {
        const id = postings.ids[depth];
        if (id === undefined) continue;
        frontier.push(weight * (postings.scores[depth] ?? 0));
        if (seen.has(id)) continue;
        seen.add(id);
        if (allowed && !allowed.has(postings.docIds[depth] ?? '')) continue;
        const s = score(id);
        if (best.length === n && !ranksBefore(id, s, best[0]![0], best[0]![1])) continue;
        if (best.length === n) best.shift();
        let at = best.findIndex(([bid, bs]) => ranksBefore(bid, bs, id, s));
        if (at < 0) at = best.length;
        best.splice(at, 0, [id, s]);
      }
      if (best.length < n) continue;
      // The most a passage not met yet can score: it lies at this depth or deeper in every list it
      // is in, so its sum over k matched terms is at most the k largest frontier values.
      frontier.sort((a, b) => b - a);
      let prefix = 0;
      let bound = 0;
      frontier.forEach((v, k) => {
        prefix += v;
        bound = Math.max(bound, prefix * (k + 1));
      });
      if (best[0]![1] > bound) break;
    }
    const top = best.map(([id]) => id).reverse();
    return {
      top,
      best: best.length ? best[best.length - 1]![1] : 0,
      score,
    };
  }
}

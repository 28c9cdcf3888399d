/**
 * @module Candidate passages for a question, from several generators: BM25 per field and term group,
 * dense neighbours, and, where the question says where or what to look for, passages of a named
 * document or passages holding the asked-for kind of fact, nearest to the question first.
 */
import type { KeywordHits, PassageField, WeightedTerm } from '../index/passage-search.ts';
import type { Passage } from '../index/passages.ts';
import type { Question } from '../query/analyse.ts';
import type { BuiltIndex } from '../index/built-index.ts';
import type { CorpusFacts } from './corpus-facts.ts';
import type { Recall } from './memory.ts';

export interface CandidateOptions {
  /** Passages each keyword list contributes (default 40). */
  perList: number;
  /** Sentences the dense search contributes; each brings the passages holding it (default 40). */
  denseSentences: number;
  /** Passages of a named document, or holding the asked-for fact, taken nearest first (default 30). */
  perHint: number;
  /** The most passages a hint scans for its nearest (bounds the work on a large corpus; default 5000). */
  hintScan: number;
}

/**
 * The work one question may cause. Chosen by a sweep on train + validation (377 questions): from
 * 200/100/60 (813 candidates a question) down to 40/40/30 (279) the first passage stayed right as
 * often (0.883 → 0.881) and a gold passage stayed in the top five as often (0.950), while ranking
 * took half the time (26 → 13 ms); at 25/30/20 it held too, but with no margin left.
 */
export const defaultCandidateOptions: CandidateOptions = { perList: 40, denseSentences: 40, perHint: 30, hintScan: 5000 };

/** BM25 per list: its best passages, and scores on demand for the features. */
export type KeywordScores = Record<'text' | 'expansion' | 'context' | 'section' | 'title', KeywordHits>;

export interface Candidates {
  passages: Passage[];
  keyword: KeywordScores;
  /** Cosine of the query and a sentence, computed on first use. */
  similarity: (sentenceId: number) => number;
}

/** Whether entry a ranks before entry b: higher score, then lower id. */
const before = (a: readonly [number, number], b: readonly [number, number]): boolean => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);

/**
 * The best `n` entries of a score map, best first. A list of common words holds most passages, so
 * the best are kept in a bounded min-heap instead of sorting the whole list.
 */
export function top(scores: ReadonlyMap<number, number>, n: number): number[] {
  const heap: Array<[number, number]> = [];
  const swap = (i: number, j: number): void => {
    const t = heap[i] as [number, number];
    heap[i] = heap[j] as [number, number];
    heap[j] = t;
  };
  for (const entry of scores) {
    if (heap.length < n) {
      heap.push(entry);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent] as [number, number], heap[i] as [number, number])) break;
        swap(i, parent);
        i = parent;
      }
    } else if (heap.length && before(entry, heap[0] as [number, number])) {
      heap[0] = entry;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let worst = i;
        if (l < heap.length && before(heap[worst] as [number, number], heap[l] as [number, number])) worst = l;
        if (r < heap.length && before(heap[worst] as [number, number], heap[r] as [number, number])) worst = r;
        if (worst === i) break;
        swap(i, worst);
        i = worst;
      }
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : 1)).map(([id]) => id);
}

/** The keyword lists: BM25 of the question's own words, its expansions and its conversation, per field. Needs no query vector, so it runs while the question is embedded. */
export function keywordCandidates(index: BuiltIndex, question: Question, allowed: ReadonlySet<string> | undefined, options: CandidateOptions = defaultCandidateOptions): KeywordScores {
  const own: WeightedTerm[] = question.terms.map((t) => [t, 1]);
  const search = (field: PassageField, terms: ReadonlyArray<WeightedTerm>): KeywordHits => index.passageSearch.search(field, terms, options.perList, allowed);
  return {
    text: search('text', own),
    expansion: search('text', question.expansions.map((e) => [e.term, 1] as const)),
    context: search('text', question.contextTerms.map((t) => [t, 1] as const)),
    section: search('section', own),
    title: search('title', own),
  };
}

export function gatherCandidates(
  index: BuiltIndex,
  facts: CorpusFacts,
  question: Question,
  keyword: KeywordScores,
  queryVector: ArrayLike<number>,
  allowed: ReadonlySet<string> | undefined,
  recall: Recall | null,
  options: CandidateOptions = defaultCandidateOptions,
): Candidates {
  const chosen = new Set<number>();
  for (const list of Object.values(keyword)) for (const id of list.top) chosen.add(id);

  const dims = index.manifest.embedder.dims;
  let queryNorm = 0;
  for (let i = 0; i < dims; i++) queryNorm += (queryVector[i] ?? 0) ** 2;
  queryNorm = Math.sqrt(queryNorm);
  const similarities = new Map<number, number>();
  const query = Float32Array.from(queryVector);
  const vectors = index.sentenceVectors;
  const similarity = (sid: number): number => {
    let known = similarities.get(sid);
    if (known === undefined) {
      let dot = 0;
      const row = vectors.subarray(sid * dims, (sid + 1) * dims);
      for (let i = 0; i < row.length; i++) dot += (row[i] as number) * (query[i] as number);
      known = queryNorm > 0 ? dot / (queryNorm * (facts.sentenceNorms[sid] || 1)) : 0;
      similarities.set(sid, known);
    }
    return known;
  };
  // A zero vector is a runtime without the embedding model (the Worker): no dense candidates then.
  const dense = queryNorm > 0 ? index.vectors.search(queryVector, options.denseSentences) : [];
  for (const [sid] of dense) {
    if (allowed && !allowed.has(index.sentences[sid]?.docId ?? '')) continue;
    for (const pid of facts.passagesOfSentence[sid] ?? []) chosen.add(pid);
  }
  // Hints: a question naming a document, or asking for a kind of fact, may share no word with its
  // answer ("who signed the 2006 plan?"); the passages it points to are taken nearest first.
  const nearest = (keep: (p: Passage) => boolean): void => {
    const scored: Array<[number, number]> = [];
    for (const p of index.passages) {
      if (scored.length >= options.hintScan) break;
      if ((allowed && !allowed.has(p.docId)) || !keep(p)) continue;
      let best = -Infinity;
      for (const sid of p.sentenceIds) best = Math.max(best, similarity(sid));
      scored.push([p.id, best]);
    }
    for (const id of top(new Map(scored), options.perHint)) chosen.add(id);
  };
  const named = [...question.mentions.strengths].filter(([, s]) => s >= 1).map(([id]) => id);
  if (named.length) nearest((p) => named.includes(p.docId));
  const asked = question.asks;
  if (asked) nearest((p) => p.facts.includes(asked));

  // The answers to the nearest remembered questions.
  for (const n of [...(recall?.lexical ?? []), ...(recall?.dense ?? [])]) {
    for (const g of n.entry.gold) if (!allowed || allowed.has(g.docId)) for (const id of facts.passagesOverlapping(g.docId, g.start, g.end)) chosen.add(id);
  }

  const passages = [...chosen].map((id) => index.passages[id]).filter((p): p is Passage => p !== undefined && (!allowed || allowed.has(p.docId)));
  return { passages, keyword, similarity };
}

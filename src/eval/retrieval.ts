/** @module Retrieval metrics: recall@1, @5 and @8, and MRR. */
import type { DocSpan } from '../corpus/locate.ts';
import { covers } from '../corpus/locate.ts';

export interface RetrievalCase {
  kind: string;
  gold: DocSpan[];
  results: DocSpan[];
}

export interface RetrievalScores {
  n: number;
  recallAt1: number;
  recallAt5: number;
  recallAt8: number;
  mrr: number;
}

/**
 * A question is recalled at k when every gold span is covered by some result in the top k;
 * its reciprocal rank uses the first result that covers any gold span.
 */
export function scoreRetrieval(cases: ReadonlyArray<RetrievalCase>): RetrievalScores {
  let r1 = 0;
  let r5 = 0;
  let r8 = 0;
  let mrr = 0;
  for (const c of cases) {
    const ranks = c.gold.map((g) => c.results.findIndex((r) => covers(r, g)));
    const allWithin = (k: number): boolean => ranks.length > 0 && ranks.every((r) => r >= 0 && r < k);
    if (allWithin(1)) r1++;
    if (allWithin(5)) r5++;
    if (allWithin(8)) r8++;
    const first = Math.min(...ranks.filter((r) => r >= 0));
    if (Number.isFinite(first)) mrr += 1 / (first + 1);
  }
  const n = cases.length || 1;
  return { n: cases.length, recallAt1: r1 / n, recallAt5: r5 / n, recallAt8: r8 / n, mrr: mrr / n };
}

/** @module Retrieval metrics: recall@1, recall@5 and MRR, overall and per question kind. */
import type { DocSpan } from './gold.ts';
import { covers } from './gold.ts';

export interface RetrievalCase {
  kind: string;
  gold: DocSpan[];
  results: DocSpan[];
}

export interface RetrievalScores {
  n: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
}

/**
 * A question is recalled at k when every gold span is covered by some result in the top k;
 * its reciprocal rank uses the first result that covers any gold span.
 */
export function scoreRetrieval(cases: ReadonlyArray<RetrievalCase>): RetrievalScores {
  let r1 = 0;
  let r5 = 0;
  let mrr = 0;
  for (const c of cases) {
    const ranks = c.gold.map((g) => c.results.findIndex((r) => covers(r, g)));
    const allWithin = (k: number): boolean => ranks.length > 0 && ranks.every((r) => r >= 0 && r < k);
    if (allWithin(1)) r1++;
    if (allWithin(5)) r5++;
    const first = Math.min(...ranks.filter((r) => r >= 0));
    if (Number.isFinite(first)) mrr += 1 / (first + 1);
  }
  const n = cases.length || 1;
  return { n: cases.length, recallAt1: r1 / n, recallAt5: r5 / n, mrr: mrr / n };
}

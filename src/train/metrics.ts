/** @module Ranking figures on collected examples: how often the first passage answers, MRR, recall@k of passages. */
import { overlap } from '../corpus/locate.ts';
import { nonOverlapping } from '../rank/diversify.ts';
import type { LinearModel } from '../rank/model.ts';
import type { RankedPassage } from '../rank/ranker.ts';
import type { Example } from './collect.ts';

/** The example's candidates re-scored by `model`, best first. */
export function rescore(example: Example, model: LinearModel): RankedPassage[] {
  return example.ranked.map((r) => ({ ...r, score: model.score(r.features) })).sort((a, b) => b.score - a.score || a.passage.id - b.passage.id);
}

/** Whether a passage touches a gold quote: what "answer support" counts. */
export function touchesGold(r: RankedPassage, example: Example): boolean {
  return example.gold.some((g) => g.docId === r.passage.docId && overlap(r.passage, g) > 0);
}

export interface RankingFigures {
  questions: number;
  /** The first passage touches a gold quote. */
  firstTouches: number;
  /** The first passage is a positive (mostly gold). */
  firstAnswers: number;
  mrr: number;
  /** Share of questions with a gold-touching passage among the first k non-overlapping passages. */
  recallAt: Record<number, number>;
}

export function rankingFigures(examples: ReadonlyArray<Example>, model: LinearModel, ks: ReadonlyArray<number> = [1, 4, 5, 8, 12]): RankingFigures {
  const answerable = examples.filter((e) => e.gold.length > 0);
  let firstTouches = 0;
  let firstAnswers = 0;
  let mrr = 0;
  const hits: Record<number, number> = Object.fromEntries(ks.map((k) => [k, 0]));
  for (const e of answerable) {
    const shown = nonOverlapping(rescore(e, model), Math.max(...ks));
    const rank = shown.findIndex((r) => touchesGold(r, e));
    if (rank === 0) firstTouches++;
    const first = shown[0];
    if (first && e.positives.some((i) => e.ranked[i]?.passage.id === first.passage.id)) firstAnswers++;
    if (rank >= 0) mrr += 1 / (rank + 1);
    for (const k of ks) if (rank >= 0 && rank < k) hits[k] = (hits[k] ?? 0) + 1;
  }
  const n = answerable.length || 1;
  return {
    questions: answerable.length,
    firstTouches: firstTouches / n,
    firstAnswers: firstAnswers / n,
    mrr: mrr / n,
    recallAt: Object.fromEntries(ks.map((k) => [k, (hits[k] ?? 0) / n])),
  };
}

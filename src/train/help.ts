/**
 * @module Training the help-seeking detector: a logistic model over the cue features, its threshold
 * set from five-fold cross-validated predictions on the development set.
 */
import { HELP_FEATURES, helpFeatures } from '../query/help-seeking.ts';
import { LinearModel, type LinearModelData } from '../rank/model.ts';
import { fitClassifier } from './logistic.ts';

export interface HelpExample {
  id: string;
  question: string;
  helpSeeking: boolean;
}

/**
 * The share of help-seeking questions the threshold must catch in cross-validation: the product's
 * 95%, plus a margin for questions unlike the development set's.
 */
const RECALL_FLOOR = 0.97;
const FOLDS = 5;
/** L2 penalty (as the ranker's: the middle of the grid it chooses from). */
const L2 = 0.01;

export interface HelpTraining {
  model: LinearModelData;
  threshold: number;
  /** Cross-validated on the development set, at the threshold. */
  recall: number;
  falsePositives: number;
}

function fit(examples: ReadonlyArray<HelpExample>): LinearModel {
  const model = fitClassifier(examples.map((e) => helpFeatures(e.question)), examples.map((e) => (e.helpSeeking ? 1 : 0)), HELP_FEATURES, { l2: L2 });
  return new LinearModel(model, HELP_FEATURES);
}

export function trainHelp(examples: ReadonlyArray<HelpExample>): HelpTraining {
  const predictions: Array<[number, boolean]> = [];
  for (let f = 0; f < FOLDS; f++) {
    const model = fit(examples.filter((_, i) => i % FOLDS !== f));
    for (const e of examples.filter((_, i) => i % FOLDS === f)) predictions.push([model.probability(helpFeatures(e.question)), e.helpSeeking]);
  }
  const positives = predictions.filter(([, y]) => y).length || 1;
  const negatives = predictions.filter(([, y]) => !y).length || 1;
  const at = (t: number): { recall: number; falsePositives: number } => ({
    recall: predictions.filter(([p, y]) => y && p >= t).length / positives,
    falsePositives: predictions.filter(([p, y]) => !y && p >= t).length / negatives,
  });
  // The highest threshold that still catches the floor: fewest ordinary questions get the card.
  const candidates = [...new Set(predictions.map(([p]) => p))].sort((a, b) => b - a);
  const threshold = candidates.find((t) => at(t).recall >= RECALL_FLOOR) ?? 0;
  return { model: fit(examples).data, threshold, ...at(threshold) };
}

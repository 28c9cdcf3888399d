/** @module A linear model over named, standardised features: the learned ranker and the answerability check. */

/** The saved form of a model (see weights.json, written by `npm run train`). */
export interface LinearModelData {
  features: string[];
  /** Per feature, the training mean and standard deviation used to standardise it. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export class LinearModel {
  constructor(readonly data: LinearModelData, expected: ReadonlyArray<string>) {
    const names = data.features.join(',');
    if (names !== expected.join(',')) {
      throw new Error(`the model was trained on features [${names}] but the code computes [${expected.join(',')}]: run npm run train`);
    }
  }

  /** w·((x − mean) / scale) + bias. */
  score(x: ReadonlyArray<number>): number {
    const { mean, scale, weights, bias } = this.data;
    let s = bias;
    for (let i = 0; i < weights.length; i++) s += (weights[i] ?? 0) * (((x[i] ?? 0) - (mean[i] ?? 0)) / (scale[i] || 1));
    return s;
  }

  /** The logistic of the score: a probability when the model was trained as a classifier. */
  probability(x: ReadonlyArray<number>): number {
    return 1 / (1 + Math.exp(-this.score(x)));
  }
}

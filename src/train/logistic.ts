/**
 * @module Deterministic training of linear models: a listwise ranker (softmax over each question's
 * candidates) and a binary classifier, both with L2 regularisation, by full-batch Adam.
 */
import type { LinearModelData } from '../rank/model.ts';

export interface FitOptions {
  /** L2 penalty per weight (selected on validation by `npm run train`). */
  l2: number;
  /** Full-batch steps (default 200: 400 gave the same validation figures). */
  steps: number;
  /** Adam step size (default 0.05, Adam's usual range for standardised features). */
  learningRate: number;
}

export const defaultFitOptions: FitOptions = { l2: 0.01, steps: 200, learningRate: 0.05 };

/** A question's candidates: feature rows and which are positives. */
export interface RankingGroup {
  rows: ReadonlyArray<ReadonlyArray<number>>;
  positives: ReadonlyArray<number>;
}

export interface Standardiser {
  mean: number[];
  scale: number[];
}

/** Per-feature mean and standard deviation (1 for a constant feature), over every row of every list. */
export function standardiser(lists: ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>, width: number): Standardiser {
  const sum = new Float64Array(width);
  const squares = new Float64Array(width);
  let n = 0;
  for (const rows of lists) {
    for (const row of rows) {
      n++;
      for (let j = 0; j < width; j++) {
        const x = row[j] ?? 0;
        sum[j] = (sum[j] as number) + x;
        squares[j] = (squares[j] as number) + x * x;
      }
    }
  }
  const mean = Array.from(sum, (v) => v / (n || 1));
  const scale = Array.from(squares, (v, j) => {
    const variance = v / (n || 1) - (mean[j] ?? 0) ** 2;
    return variance > 1e-12 ? Math.sqrt(variance) : 1;
  });
  return { mean, scale };
}

function standardise(row: ReadonlyArray<number>, s: Standardiser): Float64Array {
  return Float64Array.from(row, (x, j) => (x - (s.mean[j] ?? 0)) / (s.scale[j] ?? 1));
}

/** Minimises `lossAndGradient` by Adam from zero; the last entry of the parameters may be a bias. */
function adam(size: number, options: FitOptions, lossAndGradient: (w: Float64Array, grad: Float64Array) => void): Float64Array {
  const w = new Float64Array(size);
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  const grad = new Float64Array(size);
  const [b1, b2, eps] = [0.9, 0.999, 1e-8];
  for (let step = 1; step <= options.steps; step++) {
    grad.fill(0);
    lossAndGradient(w, grad);
    for (let j = 0; j < size; j++) {
      const g = grad[j] ?? 0;
      m[j] = b1 * (m[j] ?? 0) + (1 - b1) * g;
      v[j] = b2 * (v[j] ?? 0) + (1 - b2) * g * g;
      const mHat = (m[j] ?? 0) / (1 - b1 ** step);
      const vHat = (v[j] ?? 0) / (1 - b2 ** step);
      w[j] = (w[j] ?? 0) - (options.learningRate * mHat) / (Math.sqrt(vHat) + eps);
    }
  }
  return w;
}

function dot(w: Float64Array, x: Float64Array): number {
  let s = 0;
  for (let j = 0; j < x.length; j++) s += (w[j] ?? 0) * (x[j] ?? 0);
  return s;
}

/**
 * A ranker: for each group, maximise the softmax probability of its positives among all its rows
 * (ListNet with one relevant set); groups without a positive teach nothing and are skipped.
 */
export function fitRanker(groups: ReadonlyArray<RankingGroup>, features: ReadonlyArray<string>, options: Partial<FitOptions> = {}): LinearModelData {
  const opts = { ...defaultFitOptions, ...options };
  const width = features.length;
  const usable = groups.filter((g) => g.positives.length > 0 && g.rows.length > g.positives.length);
  const s = standardiser(usable.map((g) => g.rows), width);
  // One flat matrix per group: the inner loops run over typed arrays.
  const data = usable.map((g) => {
    const x = new Float64Array(g.rows.length * width);
    g.rows.forEach((row, i) => {
      for (let j = 0; j < width; j++) x[i * width + j] = ((row[j] ?? 0) - (s.mean[j] ?? 0)) / (s.scale[j] ?? 1);
    });
    const positive = new Uint8Array(g.rows.length);
    for (const i of g.positives) positive[i] = 1;
    return { x, n: g.rows.length, positive };
  });
  // The hot loop of training: typed arrays, and `as number` where the index is known to be in range.
  const w = adam(width, opts, (weights, grad) => {
    for (const g of data) {
      const scores = new Float64Array(g.n);
      let max = -Infinity;
      for (let i = 0; i < g.n; i++) {
        let sc = 0;
        const row = i * width;
        for (let j = 0; j < width; j++) sc += (weights[j] as number) * (g.x[row + j] as number);
        scores[i] = sc;
        if (sc > max) max = sc;
      }
      let all = 0;
      let pos = 0;
      for (let i = 0; i < g.n; i++) {
        const e = Math.exp((scores[i] as number) - max);
        scores[i] = e;
        all += e;
        if (g.positive[i]) pos += e;
      }
      for (let i = 0; i < g.n; i++) {
        const e = scores[i] as number;
        const coefficient = (e / all - (g.positive[i] ? e / pos : 0)) / data.length;
        if (Math.abs(coefficient) < 1e-9) continue;
        const row = i * width;
        for (let j = 0; j < width; j++) grad[j] = (grad[j] as number) + coefficient * (g.x[row + j] as number);
      }
    }
    for (let j = 0; j < width; j++) grad[j] = (grad[j] as number) + opts.l2 * (weights[j] as number);
  });
  return { features: [...features], mean: s.mean, scale: s.scale, weights: Array.from(w), bias: 0 };
}

/** A logistic classifier with a bias; `weights` per example balance the classes. */
export function fitClassifier(
  rows: ReadonlyArray<ReadonlyArray<number>>,
  labels: ReadonlyArray<0 | 1>,
  features: ReadonlyArray<string>,
  options: Partial<FitOptions> = {},
  exampleWeights: ReadonlyArray<number> = rows.map(() => 1),
): LinearModelData {
  const opts = { ...defaultFitOptions, ...options };
  const width = features.length;
  const s = standardiser([rows], width);
  const xs = rows.map((r) => standardise(r, s));
  const total = exampleWeights.reduce((a, b) => a + b, 0) || 1;
  const w = adam(width + 1, opts, (weights, grad) => {
    xs.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-(dot(weights, x) + (weights[width] ?? 0))));
      const coefficient = ((exampleWeights[i] ?? 1) * (p - (labels[i] ?? 0))) / total;
      for (let j = 0; j < width; j++) grad[j] = (grad[j] ?? 0) + coefficient * (x[j] ?? 0);
      grad[width] = (grad[width] ?? 0) + coefficient;
    });
    for (let j = 0; j < width; j++) grad[j] = (grad[j] ?? 0) + opts.l2 * (weights[j] ?? 0);
  });
  return { features: [...features], mean: s.mean, scale: s.scale, weights: Array.from(w.subarray(0, width)), bias: w[width] ?? 0 };
}

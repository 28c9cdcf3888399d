import { describe, expect, it } from 'vitest';
import { LinearModel } from '../rank/model.ts';
import { fitClassifier, fitRanker, standardiser } from './logistic.ts';

describe('standardiser', () => {
  it('gives each feature its mean and spread, and 1 to a constant one', () => {
    const s = standardiser([[[1, 5], [3, 5]]], 2);
    expect(s.mean).toEqual([2, 5]);
    expect(s.scale).toEqual([1, 1]);
  });
});

describe('fitRanker', () => {
  // The positive is always the row with the larger first feature; the second feature is noise.
  const groups = [
    { rows: [[0.9, 0.5], [0.2, 0.5], [0.1, 0.1]], positives: [0] },
    { rows: [[0.3, 0.9], [0.7, 0.9]], positives: [1] },
    { rows: [[0.4, 0.1], [0.6, 0.1], [0.1, 0.5]], positives: [1] },
  ];

  it('learns to put the positive of every group first', () => {
    const model = new LinearModel(fitRanker(groups, ['x', 'noise'], { steps: 300 }), ['x', 'noise']);
    for (const g of groups) {
      const scores = g.rows.map((r) => model.score(r));
      expect(scores.indexOf(Math.max(...scores))).toBe(g.positives[0]);
    }
    expect(model.data.weights[0]).toBeGreaterThan(Math.abs(model.data.weights[1] ?? 0));
  });

  it('is deterministic', () => {
    expect(fitRanker(groups, ['x', 'noise'])).toEqual(fitRanker(groups, ['x', 'noise']));
  });

  it('skips a group without a positive', () => {
    expect(() => fitRanker([...groups, { rows: [[1, 1]], positives: [] }], ['x', 'noise'])).not.toThrow();
  });
});

describe('fitClassifier', () => {
  it('separates two classes and calibrates a probability between them', () => {
    const rows = [[0], [0.1], [0.2], [0.8], [0.9], [1]];
    const model = new LinearModel(fitClassifier(rows, [0, 0, 0, 1, 1, 1], ['x'], { steps: 300 }), ['x']);
    expect(model.probability([1])).toBeGreaterThan(0.8);
    expect(model.probability([0])).toBeLessThan(0.2);
    expect(model.probability([0.5])).toBeGreaterThan(0.3);
    expect(model.probability([0.5])).toBeLessThan(0.7);
  });
});

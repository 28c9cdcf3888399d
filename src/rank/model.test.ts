import { describe, expect, it } from 'vitest';
import { LinearModel } from './model.ts';

const data = { features: ['a', 'b'], mean: [1, 0], scale: [2, 1], weights: [2, -1], bias: 0.5 };

describe('LinearModel', () => {
  it('scores standardised features by their weights, plus the bias', () => {
    expect(new LinearModel(data, ['a', 'b']).score([5, 3])).toBe(0.5 + 2 * ((5 - 1) / 2) - 3);
  });

  it('turns a score into a probability with the logistic', () => {
    expect(new LinearModel({ ...data, weights: [0, 0], bias: 0 }, ['a', 'b']).probability([9, 9])).toBe(0.5);
  });

  it('refuses a model trained on other features, naming the fix', () => {
    expect(() => new LinearModel(data, ['a', 'c'])).toThrow(/npm run train/);
  });
});

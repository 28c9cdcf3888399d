import { describe, expect, it } from 'vitest';
import { fuse } from './hybrid.ts';

describe('fuse', () => {
  it('puts an item ranked well by both lists above items only one list has', () => {
    const keyword = [[1, 9], [2, 5], [3, 1]] as const;
    const dense = [[4, 0.9], [2, 0.8], [5, 0.1]] as const;
    expect(fuse([keyword, dense])[0]?.[0]).toBe(2);
  });

  it('lets weights decide between lists', () => {
    const a = [[1, 1]] as const;
    const b = [[2, 1]] as const;
    expect(fuse([a, b], { weights: [1, 0.5] }).map(([id]) => id)).toEqual([1, 2]);
    expect(fuse([a, b], { weights: [0.5, 1] }).map(([id]) => id)).toEqual([2, 1]);
  });

  it('normalises scores per list in score mode', () => {
    const bm25 = [[1, 30], [2, 10]] as const;
    const cosine = [[2, 0.9], [1, 0.1]] as const;
    const fused = fuse([bm25, cosine], { method: 'score' });
    expect(fused.map(([, s]) => s)).toEqual([1, 1]);
  });

  it('ignores a list with weight 0', () => {
    expect(fuse([[[1, 1]], [[2, 5]]], { weights: [1, 0] }).map(([id]) => id)).toEqual([1]);
  });
});

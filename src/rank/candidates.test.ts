import { describe, expect, it } from 'vitest';
import { top } from './candidates.ts';

/** The plain definition top() must match: sort everything, take the first n. */
function sorted(scores: ReadonlyMap<number, number>, n: number): number[] {
  return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, n).map(([id]) => id);
}

describe('top', () => {
  it('picks the best n, best first, ties to the lower id, as a full sort would', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (const size of [0, 1, 5, 40, 41, 300, 2600]) {
      // Scores from a small set, so ties are common.
      const scores = new Map(Array.from({ length: size }, (_, i) => [i * 3 + 1, Math.floor(random() * 20) / 4] as const));
      for (const n of [1, 10, 40, 5000]) expect(top(scores, n), `${size} entries, top ${n}`).toEqual(sorted(scores, n));
    }
  });
});

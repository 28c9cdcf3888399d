/** @module Fuses ranked lists from several retrievers into one (pure; no I/O, no state). */

/** `[id, score]`, best first. */
export type Ranked = ReadonlyArray<readonly [id: number, score: number]>;

export interface FusionOptions {
  /**
   * `rrf`: weighted reciprocal-rank fusion, Σ wᵢ / (rrfK + rankᵢ); robust to score scales.
   * `score`: weighted sum of min-max normalised scores; keeps how far apart results are.
   */
  method: 'rrf' | 'score';
  /** One weight per input list, same order (default: all 1). */
  weights?: ReadonlyArray<number>;
  /** RRF damping constant (default 60; smaller favours the top ranks). */
  rrfK: number;
}

export const defaultFusionOptions: FusionOptions = { method: 'rrf', rrfK: 60 };

export function fuse(lists: ReadonlyArray<Ranked>, options: Partial<FusionOptions> = {}): Array<[number, number]> {
  const opts = { ...defaultFusionOptions, ...options };
  const total = new Map<number, number>();
  lists.forEach((list, li) => {
    const w = opts.weights?.[li] ?? 1;
    if (w === 0 || list.length === 0) return;
    const scores = list.map(([, s]) => s);
    const max = Math.max(...scores);
    const min = Math.min(...scores);
    list.forEach(([id, score], rank) => {
      const part = opts.method === 'rrf' ? 1 / (opts.rrfK + rank + 1) : max === min ? 1 : (score - min) / (max - min);
      total.set(id, (total.get(id) ?? 0) + w * part);
    });
  });
  return [...total.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

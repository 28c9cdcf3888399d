/** @module Latency percentiles for the eval and the benches, one formula for all. */

/** The nearest-rank `q`-quantile (0..1) of `values`; NaN when there are none. */
export function percentile(values: ReadonlyArray<number>, q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

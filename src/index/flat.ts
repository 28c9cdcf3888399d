/** @module Exact cosine search in plain TypeScript: the reference for tests and the store where native addons can't run. */
import { norm, type ScoredLabel, type VectorStore } from './vector-store.ts';

export class FlatVectorStore implements VectorStore {
  readonly name = 'flat';
  private readonly unit: Float32Array[] = [];

  constructor(readonly dims: number) {}

  get size(): number {
    return this.unit.length;
  }

  add(vectors: ReadonlyArray<ArrayLike<number>>): void {
    for (const v of vectors) {
      if (v.length !== this.dims) throw new Error(`expected a vector of ${this.dims} numbers, got ${v.length}`);
      const n = norm(v) || 1;
      this.unit.push(Float32Array.from(v, (x) => x / n));
    }
  }

  search(query: ArrayLike<number>, k: number): ScoredLabel[] {
    const n = norm(query) || 1;
    const scored: ScoredLabel[] = this.unit.map((u, label) => {
      let dot = 0;
      for (let i = 0; i < u.length; i++) dot += (u[i] ?? 0) * (query[i] ?? 0);
      return [label, dot / n];
    });
    return scored.sort((a, b) => b[1] - a[1]).slice(0, k);
  }
}

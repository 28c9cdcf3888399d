/** @module The VectorStore role: nearest neighbours by cosine similarity over vectors labelled 0..n-1. */

/** `[label, cosine similarity]`, best first. */
export type ScoredLabel = [label: number, score: number];

export interface VectorStore {
  readonly name: string;
  readonly dims: number;
  readonly size: number;
  /** Adds vectors; their labels continue from `size`. */
  add(vectors: ReadonlyArray<ArrayLike<number>>): void;
  /** The `k` most similar vectors (fewer when the store is smaller). */
  search(query: ArrayLike<number>, k: number): ScoredLabel[];
}

export function norm(v: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += (v[i] ?? 0) ** 2;
  return Math.sqrt(sum);
}

export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += (a[i] ?? 0) * (b[i] ?? 0);
  const n = norm(a) * norm(b);
  return n === 0 ? 0 : dot / n;
}

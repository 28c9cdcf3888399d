/** @module Shared behaviour every VectorStore must show. */
import { expect, it } from 'vitest';
import type { VectorStore } from './vector-store.ts';

/** Seeded pseudo-random unit-ish vectors (mulberry32), so runs repeat exactly. */
export function randomVectors(count: number, dims: number, seed = 7): number[][] {
  let s = seed;
  const next = (): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5;
  };
  return Array.from({ length: count }, () => Array.from({ length: dims }, next));
}

export function runVectorStoreContract(make: (dims: number) => VectorStore): void {
  it('finds a stored vector as its own best match with similarity 1', () => {
    const store = make(8);
    const vectors = randomVectors(50, 8);
    store.add(vectors);
    const [best] = store.search(vectors[17] ?? [], 3);
    expect(best?.[0]).toBe(17);
    expect(best?.[1]).toBeCloseTo(1, 5);
  });

  it('ranks by cosine, ignoring vector length', () => {
    const store = make(2);
    store.add([[1, 0], [0, 1], [1, 1]]);
    expect(store.search([10, 9], 3).map(([label]) => label)).toEqual([2, 0, 1]);
  });

  it('returns fewer results than asked when it holds fewer vectors', () => {
    const store = make(2);
    store.add([[1, 0]]);
    expect(store.search([1, 0], 5)).toHaveLength(1);
  });

  it('labels vectors in insertion order across calls', () => {
    const store = make(2);
    store.add([[1, 0]]);
    store.add([[0, 1]]);
    expect(store.size).toBe(2);
    expect(store.search([0, 1], 1)[0]?.[0]).toBe(1);
  });

  it('rejects a vector of the wrong dimension', () => {
    const store = make(3);
    expect(() => store.add([[1, 2]])).toThrow(/3 numbers/);
  });
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FlatVectorStore } from './flat.ts';
import { HnswVectorStore } from './hnsw.ts';
import { randomVectors, runVectorStoreContract } from './vector-store.contract.ts';

describe('HnswVectorStore', () => {
  runVectorStoreContract((dims) => HnswVectorStore.create(dims));

  it('matches exact search (recall@10 ≥ 0.98) at the default ef on a corpus-sized set', () => {
    const dims = 64;
    const data = randomVectors(3000, dims, 1);
    const queries = randomVectors(50, dims, 2);
    const ann = HnswVectorStore.create(dims);
    const exact = new FlatVectorStore(dims);
    ann.add(data);
    exact.add(data);
    let found = 0;
    for (const q of queries) {
      const truth = new Set(exact.search(q, 10).map(([l]) => l));
      found += ann.search(q, 10).filter(([l]) => truth.has(l)).length;
    }
    expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(0.98);
  });

  it('saves and loads an index that answers the same, with ef set again after loading', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kilde-hnsw-'));
    try {
      const data = randomVectors(500, 16, 3);
      const store = HnswVectorStore.create(16);
      store.add(data);
      await store.save(join(dir, 'v.hnsw'));
      const loaded = await HnswVectorStore.load(join(dir, 'v.hnsw'), 16);
      expect(loaded.size).toBe(500);
      const q = data[42] ?? [];
      expect(loaded.search(q, 5)).toEqual(store.search(q, 5));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/**
 * @module How search cost grows with the corpus: the real sentence vectors plus synthetic ones (each
 * a real vector with seeded noise, so the structure of the real corpus is kept) at 1×, 10× and 100×;
 * HNSW build time, file size, query latency and recall@10 against exact search, and BM25 over the
 * passages repeated with their words shuffled. Vectors are synthesised, not re-embedded: embedding
 * 100× the corpus would take an hour on this machine.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuiltIndex } from '../src/index/artifacts.ts';
import { FlatVectorStore } from '../src/index/flat.ts';
import { HnswVectorStore, type HnswOptions } from '../src/index/hnsw.ts';
import { PassageSearch, type PassageDocument } from '../src/index/passage-search.ts';
import { percentile } from '../src/eval/percentile.ts';

export interface ScaleRow {
  scale: number;
  vectors: number;
  passages: number;
  hnsw: { m: number; efConstruction: number; ef: number };
  buildMs: number;
  indexMb: number;
  vectorQueryP50Ms: number;
  recallAt10: number;
  bm25QueryP50Ms: number;
}

/** A seeded generator (mulberry32), so every run synthesises the same corpus. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function scaleRows(index: BuiltIndex, passageDocs: ReadonlyArray<PassageDocument>, queries: ReadonlyArray<number[]>, queryTerms: ReadonlyArray<ReadonlyArray<string>>, scales: ReadonlyArray<number>, hnsw: Partial<HnswOptions>): Promise<ScaleRow[]> {
  const dims = index.manifest.embedder.dims;
  const real = index.sentences.length;
  const rows: ScaleRow[] = [];
  for (const scale of scales) {
    const random = seeded(scale);
    const vectors: Float32Array[] = [];
    for (let copy = 0; copy < scale; copy++) {
      for (let s = 0; s < real; s++) {
        const v = index.sentenceVectors.slice(s * dims, (s + 1) * dims);
        // Noise of about a third of a vector's spread: copies stay near their original, apart from each other.
        if (copy > 0) for (let i = 0; i < dims; i++) v[i] = (v[i] ?? 0) + (random() - 0.5) * 0.02;
        vectors.push(v);
      }
    }
    const t0 = performance.now();
    const store = HnswVectorStore.create(dims, hnsw);
    store.add(vectors);
    const buildMs = performance.now() - t0;
    const dir = await mkdtemp(join(tmpdir(), 'kilde-scale-'));
    await store.save(join(dir, 'v.hnsw'));
    const indexMb = (await stat(join(dir, 'v.hnsw'))).size / 1e6;
    await rm(dir, { recursive: true, force: true });
    const exact = new FlatVectorStore(dims);
    exact.add(vectors);
    let hits = 0;
    const latency: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      const found = store.search(q, 10);
      latency.push(performance.now() - t);
      const truth = new Set(exact.search(q, 10).map(([label]) => label));
      hits += found.filter(([label]) => truth.has(label)).length;
    }
    // BM25: the passages repeated, each copy's words in a seeded order, under its own id.
    const docs: PassageDocument[] = [];
    for (let copy = 0; copy < scale; copy++) {
      for (const d of passageDocs) {
        const words = d.text.split(' ');
        if (copy > 0) words.sort(() => random() - 0.5);
        docs.push({ ...d, id: copy * passageDocs.length + d.id, text: words.join(' ') });
      }
    }
    const bm25 = PassageSearch.build(docs);
    const bm25Latency: number[] = [];
    for (const terms of queryTerms) {
      const t = performance.now();
      bm25.search('text', terms.map((x) => [x, 1] as const));
      bm25Latency.push(performance.now() - t);
    }
    const options = { ...{ m: 16, efConstruction: 200, ef: 128 }, ...hnsw };
    rows.push({
      scale,
      vectors: vectors.length,
      passages: docs.length,
      hnsw: { m: options.m, efConstruction: options.efConstruction, ef: options.ef },
      buildMs: Math.round(buildMs),
      indexMb: +indexMb.toFixed(1),
      vectorQueryP50Ms: +percentile(latency, 0.5).toFixed(3),
      recallAt10: +(hits / (queries.length * 10)).toFixed(4),
      bm25QueryP50Ms: +percentile(bm25Latency, 0.5).toFixed(3),
    });
  }
  return rows;
}

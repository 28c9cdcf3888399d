/**
 * @module How search cost grows with the corpus: the real sentence vectors plus synthetic ones (each
 * a seeded mix of two real vectors, so the synthetic corpus keeps the real one's spread without
 * near-duplicates that would make "the true top ten" a coin toss) at 1×, 10× and 100×;
 * HNSW build time, file size, query latency and recall@10 against exact search, and BM25 over the
 * passages repeated with their words shuffled. Vectors are synthesised, not re-embedded: embedding
 * 100× the corpus would take an hour on this machine.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuiltIndex } from '../src/index/built-index.ts';
import { FlatVectorStore } from '../src/index/flat.ts';
import { defaultHnswOptions, HnswVectorStore, type HnswOptions } from '../src/index/hnsw.ts';
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
  /** Each query's terms searched for the first time (their postings scored and sorted). */
  bm25QueryP50Ms: number;
  /** The same queries again, their terms' postings remembered, as in a server that has run a while. */
  bm25WarmP50Ms: number;
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

/** One row per scale and search breadth `efs` (the graph is built once per scale). */
export async function scaleRows(index: BuiltIndex, passageDocs: ReadonlyArray<PassageDocument>, queries: ReadonlyArray<number[]>, queryTerms: ReadonlyArray<ReadonlyArray<string>>, scales: ReadonlyArray<number>, hnsw: Partial<HnswOptions>, efs: ReadonlyArray<number>): Promise<ScaleRow[]> {
  const dims = index.manifest.embedder.dims;
  const real = index.sentences.length;
  const rows: ScaleRow[] = [];
  for (const scale of scales) {
    const random = seeded(scale);
    const vectors: Float32Array[] = [];
    const row = (s: number): Float32Array => index.sentenceVectors.subarray(s * dims, (s + 1) * dims);
    for (let copy = 0; copy < scale; copy++) {
      for (let s = 0; s < real; s++) {
        const v = Float32Array.from(row(s));
        if (copy > 0) {
          // Mostly this sentence, partly another one chosen at random.
          const other = row(Math.floor(random() * real));
          const a = 0.6 + 0.3 * random();
          for (let i = 0; i < dims; i++) v[i] = a * (v[i] ?? 0) + (1 - a) * (other[i] ?? 0);
        }
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
    const truths = queries.map((q) => new Set(exact.search(q, 10).map(([label]) => label)));
    const perEf = efs.map((ef) => {
      store.setSearchBreadth(ef);
      let hits = 0;
      const latency: number[] = [];
      queries.forEach((q, i) => {
        const t = performance.now();
        const found = store.search(q, 10);
        latency.push(performance.now() - t);
        hits += found.filter(([label]) => truths[i]?.has(label)).length;
      });
      return { ef, p50: percentile(latency, 0.5), recall: hits / (queries.length * 10) };
    });
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
    const timeQueries = (): number[] =>
      queryTerms.map((terms) => {
        const t = performance.now();
        bm25.search('text', terms.map((x) => [x, 1] as const), 40);
        return performance.now() - t;
      });
    const bm25Latency = timeQueries();
    const bm25Warm = timeQueries();
    const options = { ...defaultHnswOptions, ...hnsw };
    for (const r of perEf) {
      rows.push({
        scale,
        vectors: vectors.length,
        passages: docs.length,
        hnsw: { m: options.m, efConstruction: options.efConstruction, ef: r.ef },
        buildMs: Math.round(buildMs),
        indexMb: +indexMb.toFixed(1),
        vectorQueryP50Ms: +r.p50.toFixed(3),
        recallAt10: +r.recall.toFixed(4),
        bm25QueryP50Ms: +percentile(bm25Latency, 0.5).toFixed(3),
        bm25WarmP50Ms: +percentile(bm25Warm, 0.5).toFixed(3),
      });
    }
  }
  return rows;
}

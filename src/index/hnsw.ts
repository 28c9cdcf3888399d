/** @module Approximate nearest neighbours with hnswlib-node (cosine), saved to and loaded from one file. */
import hnswlib from 'hnswlib-node';
import type { ScoredLabel, VectorStore } from './vector-store.ts';

export interface HnswOptions {
  /** Graph degree (default 32). */
  m: number;
  /** Build-time breadth (default 400). */
  efConstruction: number;
  /** Search breadth; hnswlib defaults to 10 and does not save it, so it is set on every load (default 512). */
  ef: number;
  /** Seed for the graph's level generator, so builds are reproducible (default 42). */
  seed: number;
}

/**
 * Chosen on the benchmark's synthetic corpus at 100× (112,900 vectors, `npm run bench -- --only-scale`):
 * with M 16 / efC 200, recall@10 against exact search stops at 0.97 even at ef 512; M 32 / efC 400
 * reaches 0.99 at ef 512 (1.0 at 1024) for ~1.5 ms a query. At this corpus's 1× the same settings
 * cost ~0.3 ms a query and 0.3 s of build.
 */
export const defaultHnswOptions: HnswOptions = { m: 32, efConstruction: 400, ef: 512, seed: 42 };

export class HnswVectorStore implements VectorStore {
  readonly name = 'hnswlib';
  private readonly index: hnswlib.HierarchicalNSW;
  private capacity: number;
  private readonly options: HnswOptions;

  private constructor(readonly dims: number, options: Partial<HnswOptions>, index?: hnswlib.HierarchicalNSW) {
    this.options = { ...defaultHnswOptions, ...options };
    this.index = index ?? new hnswlib.HierarchicalNSW('cosine', dims);
    if (index) {
      this.capacity = index.getMaxElements();
    } else {
      this.capacity = 1024;
      this.index.initIndex(this.capacity, this.options.m, this.options.efConstruction, this.options.seed);
    }
    this.index.setEf(this.options.ef);
  }

  static create(dims: number, options: Partial<HnswOptions> = {}): HnswVectorStore {
    return new HnswVectorStore(dims, options);
  }

  /** Reads a saved index; `ef` is applied afresh because the file does not carry it. */
  static async load(file: string, dims: number, options: Partial<HnswOptions> = {}): Promise<HnswVectorStore> {
    const index = new hnswlib.HierarchicalNSW('cosine', dims);
    await index.readIndex(file);
    return new HnswVectorStore(dims, options, index);
  }

  get size(): number {
    return this.index.getCurrentCount();
  }

  /** Changes the search breadth of later searches (benchmarks sweep it on one built graph). */
  setSearchBreadth(ef: number): void {
    this.options.ef = ef;
  }

  add(vectors: ReadonlyArray<ArrayLike<number>>): void {
    const needed = this.size + vectors.length;
    if (needed > this.capacity) {
      this.capacity = Math.max(needed, this.capacity * 2);
      this.index.resizeIndex(this.capacity);
    }
    let label = this.size;
    for (const v of vectors) {
      if (v.length !== this.dims) throw new Error(`expected a vector of ${this.dims} numbers, got ${v.length}`);
      this.index.addPoint(Array.from(v), label++);
    }
  }

  search(query: ArrayLike<number>, k: number): ScoredLabel[] {
    const n = Math.min(k, this.size);
    if (n === 0) return [];
    this.index.setEf(Math.max(this.options.ef, n));
    const { neighbors, distances } = this.index.searchKnn(Array.from(query), n);
    return neighbors.map((label, i): ScoredLabel => [label, 1 - (distances[i] ?? 1)]);
  }

  async save(file: string): Promise<void> {
    await this.index.writeIndex(file);
  }
}

/**
 * @module Adaptive micro-batching: one batch per lane of the model (a worker thread) at a time; queries that arrive
 * meanwhile wait and go together as the next batch the moment it is free (USE-lite embeds ~80
 * queries/s in batches against ~50/s one at a time on this machine). A query arriving at an idle
 * model waits only for the others of the same turn of the event loop. Repeated queries come from a
 * bounded LRU cache, and a query whose request was abandoned leaves the queue before its batch goes.
 */
import { Embeddings } from '@langchain/core/embeddings';
import { LRUCache } from 'lru-cache';
import type { Embedder } from './embedder.ts';

export interface BatchingOptions {
  /** Most queries in one batch. */
  maxBatch: number;
  /** Queries remembered with their vectors. */
  cacheSize: number;
}

/**
 * Batches of at most 8: a batch of 8 embeds nearly as fast per query as one of 16 (71 against 78
 * queries/s), and a shorter batch lets ranking on the main thread and embedding in the worker
 * overlap instead of taking turns. 2,000 cached vectors of 512 floats are ~8 MB.
 */
export const defaultBatchingOptions: BatchingOptions = { maxBatch: 8, cacheSize: 2000 };

interface Waiting {
  text: string;
  /** Dropped once a second caller shares the vector: only a text nobody waits for is abandoned. */
  signal: AbortSignal | undefined;
  resolve: (vector: number[]) => void;
  reject: (error: unknown) => void;
}

export class BatchingEmbedder extends Embeddings implements Embedder {
  readonly name: string;
  readonly dims: number;
  readonly maxBatch: number;
  private queue: Waiting[] = [];
  /** Batches with the model or about to be sent, at most `lanes`. */
  private active = 0;
  readonly lanes: number;
  private readonly cache: LRUCache<string, number[]>;
  /** Vectors being computed, so the same text asked twice at once is embedded once. */
  private readonly inFlight = new Map<string, { waiting: Waiting; vector: Promise<number[]> }>();

  constructor(
    private readonly inner: Embedder,
    options: BatchingOptions = defaultBatchingOptions,
  ) {
    super({});
    this.name = inner.name;
    this.dims = inner.dims;
    this.maxBatch = Math.min(inner.maxBatch, options.maxBatch);
    this.cache = new LRUCache({ max: Math.max(1, options.cacheSize) });
    this.lanes = Math.max(1, inner.lanes ?? 1);
  }

  embedDocuments(texts: string[]): Promise<number[][]> {
    return this.inner.embedDocuments(texts);
  }

  async warm(): Promise<void> {
    await this.inner.warm?.();
  }

  embedQuery(text: string, signal?: AbortSignal): Promise<number[]> {
    const cached = this.cache.get(text);
    if (cached) return Promise.resolve(cached);
    const running = this.inFlight.get(text);
    if (running) {
      running.waiting.signal = undefined;
      return running.vector;
    }
    signal?.throwIfAborted();
    let waiting: Waiting | undefined;
    const vector = new Promise<number[]>((resolve, reject) => {
      waiting = { text, signal, resolve, reject };
      this.queue.push(waiting);
      if (this.active < this.lanes) {
        this.active++;
        setImmediate(() => this.flush());
      }
    });
    if (waiting) this.inFlight.set(text, { waiting, vector });
    const forget = (): void => void this.inFlight.delete(text);
    vector.then(forget, forget);
    return vector;
  }

  /** Sends the next batch; when it is back, the next one goes at once (or the model rests). */
  private flush(): void {
    const batch: Waiting[] = [];
    while (this.queue.length && batch.length < this.maxBatch) {
      const w = this.queue.shift() as Waiting;
      if (w.signal?.aborted) w.reject(w.signal.reason);
      else batch.push(w);
    }
    if (!batch.length) {
      this.active--;
      return;
    }
    this.inner
      .embedDocuments(batch.map((w) => w.text))
      .then(
        (vectors) =>
          batch.forEach((w, i) => {
            const vector = vectors[i];
            if (!vector) return w.reject(new Error('the embedder returned fewer vectors than texts'));
            this.cache.set(w.text, vector);
            w.resolve(vector);
          }),
        (error: unknown) => batch.forEach((w) => w.reject(error)),
      )
      .finally(() => this.flush());
  }
}

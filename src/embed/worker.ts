/** @module USE-lite run in worker threads (use-lite-worker.mjs): the event loop stays free while queries are embedded. */
import { Worker } from 'node:worker_threads';
import { Embeddings } from '@langchain/core/embeddings';
import type { Embedder } from './embedder.ts';

interface Reply {
  id: number;
  vectors?: Float32Array;
  dims?: number;
  error?: string;
}

interface Pending {
  resolve: (vectors: number[][]) => void;
  reject: (error: Error) => void;
}

/** One worker thread with its requests. */
class Lane {
  private worker: Worker | null = null;
  readonly pending = new Map<number, Pending>();

  get started(): boolean {
    return this.worker !== null;
  }

  private start(): Worker {
    const worker = new Worker(new URL('./use-lite-worker.mjs', import.meta.url));
    worker.on('message', (reply: Reply) => this.settle(reply));
    // A worker that dies takes its requests with it; the next request starts a new one.
    const fail = (error: Error): void => {
      if (this.worker === worker) this.worker = null;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the embedding worker stopped (exit code ${code})`)));
    worker.unref();
    return worker;
  }

  private settle(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    // Only a worker with work to do keeps the process alive: a CLI run exits when its answer is done.
    if (!this.pending.size) this.worker?.unref();
    if (reply.error !== undefined || !reply.vectors || !reply.dims) return waiting.reject(new Error(`embedding failed: ${reply.error ?? 'no vectors'}`));
    const { vectors, dims } = reply;
    waiting.resolve(Array.from({ length: vectors.length / dims }, (_, i) => Array.from(vectors.subarray(i * dims, (i + 1) * dims))));
  }

  send(id: number, texts: string[]): Promise<number[][]> {
    const worker = (this.worker ??= this.start());
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, texts });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}

/** The same model and name as UseLiteEmbeddings, so an index built by either serves the other. */
export class WorkerUseLiteEmbeddings extends Embeddings implements Embedder {
  readonly name = 'use-lite-512';
  readonly dims = 512;
  readonly maxBatch = 32;
  readonly lanes: number;
  private readonly pool: Lane[];
  private nextId = 0;

  /** `lanes` worker threads, each started on its first request. */
  constructor(lanes = 1) {
    super({});
    this.lanes = Math.max(1, lanes);
    this.pool = Array.from({ length: this.lanes }, () => new Lane());
  }

  embedDocuments(texts: string[]): Promise<number[][]> {
    if (!texts.length) return Promise.resolve([]);
    const lane = this.pool.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    return lane.send(this.nextId++, texts);
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedDocuments([text]);
    if (!vector) throw new Error('the sentence encoder returned no vector');
    return vector;
  }

  /** How many worker threads are running. */
  get threads(): number {
    return this.pool.filter((lane) => lane.started).length;
  }

  /**
   * Has the first worker thread load the model, and starts the others loading theirs once it is
   * ready: three threads loading at once on two cores delay the first answer (~2.5 s against ~1.6 s
   * from start), while the others are ready a second later either way.
   */
  async warm(): Promise<void> {
    const [first, ...others] = this.pool;
    await first?.send(this.nextId++, ['warm']);
    // A lane that fails to warm starts again on its first request.
    for (const lane of others) lane.send(this.nextId++, ['warm']).catch(() => undefined);
  }

  /** Stops the workers (tests, shutdown); a later request starts them again. */
  async close(): Promise<void> {
    await Promise.all(this.pool.map((lane) => lane.close()));
  }
}

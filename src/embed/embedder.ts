/** @module The Embedder role: a LangChain `Embeddings` that also names itself and its dimension. */
import type { EmbeddingsInterface } from '@langchain/core/embeddings';

/**
 * Every embedder is a LangChain `EmbeddingsInterface` (so LangChain tooling can use it) plus the
 * metadata an index needs to know whether it was built by the same model.
 */
export interface Embedder extends EmbeddingsInterface {
  /** Stable id recorded in the index manifest, e.g. `use-lite-512` or `openai:text-embedding-3-small`. */
  readonly name: string;
  readonly dims: number;
  /** How many texts one call should carry at most. */
  readonly maxBatch: number;
  /** How many batches it can embed at once (worker threads); 1 when absent. */
  readonly lanes?: number;
  /** One query's vector; an embedder that queues may drop it once `signal` aborts. */
  embedQuery(text: string, signal?: AbortSignal): Promise<number[]>;
  /** Loads the model everywhere it runs (every worker thread), so the first questions do not wait for it. */
  warm?(): Promise<void>;
}

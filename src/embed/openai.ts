/** @module Embeddings from an OpenAI-compatible server, through @langchain/openai. */
import { OpenAIEmbeddings } from '@langchain/openai';
import { ProviderError } from '../errors.ts';
import type { Embedder } from './embedder.ts';

export interface OpenAIEmbedderOptions {
  model: string;
  apiKey?: string;
  baseURL?: string;
}

class OpenAIEmbedder implements Embedder {
  readonly maxBatch = 256;
  readonly name: string;
  constructor(
    private readonly inner: OpenAIEmbeddings,
    model: string,
    readonly dims: number,
  ) {
    this.name = `openai:${model}`;
  }
  embedDocuments(documents: string[]): Promise<number[][]> {
    return this.inner.embedDocuments(documents);
  }
  embedQuery(document: string): Promise<number[]> {
    return this.inner.embedQuery(document);
  }
}

/** Connects and probes the model once, to learn its dimension (and fail early when it is unreachable). */
export async function createOpenAIEmbedder(options: OpenAIEmbedderOptions): Promise<Embedder> {
  const inner = new OpenAIEmbeddings({
    model: options.model,
    apiKey: options.apiKey ?? 'not-needed',
    maxRetries: 2,
    timeout: 30_000,
    ...(options.baseURL ? { configuration: { baseURL: options.baseURL } } : {}),
  });
  let probe: number[];
  try {
    probe = await inner.embedQuery('dimension probe');
  } catch (cause) {
    throw new ProviderError(`the embeddings model ${options.model} is not reachable`, { cause });
  }
  return new OpenAIEmbedder(inner, options.model, probe.length);
}

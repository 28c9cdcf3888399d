/** @module Start-up: load the saved index, or rebuild it when it is missing, stale or unreadable. */
import type { Embedder } from '../embed/embedder.ts';
import { loadIndex, saveIndex } from '../index/artifacts.ts';
import type { BuiltIndex } from '../index/built-index.ts';
import { buildHash, buildIndex, type BuildOptions } from './pipeline.ts';
import type { Logger } from '../log.ts';
import type { SourceDocument } from '../types.ts';

export async function openIndex(
  indexDir: string,
  docs: ReadonlyArray<SourceDocument>,
  embedder: Embedder,
  logger: Logger,
  options: BuildOptions = {},
): Promise<{ index: BuiltIndex; rebuilt: boolean }> {
  const expected = { corpusHash: buildHash(docs, options), embedder: { name: embedder.name, dims: embedder.dims } };
  let reason: string;
  try {
    const result = await loadIndex(indexDir, expected, options.hnsw);
    if (result.status === 'loaded') {
      logger.info('index: loaded', { dir: indexDir, chunks: result.index.chunks.length, sentences: result.index.sentences.length });
      return { index: result.index, rebuilt: false };
    }
    reason = result.reason;
  } catch (error) {
    reason = `${error instanceof Error ? error.message : String(error)}: ${error instanceof Error && error.cause instanceof Error ? error.cause.message : ''}`;
    logger.warn('index: unreadable, rebuilding', { reason });
  }
  logger.info('index: building', { reason });
  const index = await buildIndex(docs, embedder, logger, options);
  try {
    await saveIndex(indexDir, index);
  } catch (error) {
    // A read-only folder or a full disk costs the next start a rebuild, not this one its service.
    logger.warn('index: could not save; serving from memory', { dir: indexDir, reason: error instanceof Error ? error.message : String(error) });
  }
  return { index, rebuilt: true };
}

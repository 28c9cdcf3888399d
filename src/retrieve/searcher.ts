/** @module Search for other programs: the learned ranking, as verbatim chunks with the passage that earned each its place. */
import type { BuiltIndex } from '../index/built-index.ts';
import { readQuestion, type QuestionReader } from '../query/analyse.ts';
import type { Translator } from '../query/translate.ts';
import { rankChunks } from '../rank/diversify.ts';
import type { Ranker } from '../rank/ranker.ts';
import type { Hit, SourceDocument } from '../types.ts';

export interface SearchRequest {
  query: string;
  k: number;
  docIds?: ReadonlyArray<string>;
  signal?: AbortSignal;
}

export class Searcher {
  private readonly docsById: Map<string, SourceDocument>;

  constructor(
    private readonly ranker: Ranker,
    private readonly reader: QuestionReader,
    private readonly index: BuiltIndex,
    docs: ReadonlyArray<SourceDocument>,
    private readonly translator: Translator,
  ) {
    this.docsById = new Map(docs.map((d) => [d.id, d]));
  }

  /** The `k` best chunks for `query`, as exact slices, best first. */
  async search(request: SearchRequest): Promise<Hit[]> {
    // The documents are English: a Norwegian query is searched in English words.
    const question = readQuestion(this.translator.inEnglish(request.query), '', this.reader);
    const { ranked } = await this.ranker.rank({ question, ...(request.docIds ? { docIds: request.docIds } : {}), ...(request.signal ? { signal: request.signal } : {}) });
    return rankChunks(ranked, this.index.chunks, request.k).map(({ chunkIndex, score, best }) => {
      const chunk = this.index.chunks[chunkIndex];
      const doc = chunk && this.docsById.get(chunk.docId);
      if (!chunk || !doc) throw new Error(`chunk ${chunkIndex} is not in the index`);
      return {
        id: chunk.id,
        docId: chunk.docId,
        docTitle: doc.shortTitle,
        sectionPath: chunk.sectionPath,
        text: doc.text.slice(chunk.start, chunk.end),
        start: chunk.start,
        end: chunk.end,
        score: Number(score.toFixed(6)),
        passage: { start: best.passage.start, end: best.passage.end, text: doc.text.slice(best.passage.start, best.passage.end) },
      };
    });
  }
}

/** @module Hybrid retrieval: BM25 over chunks fused with dense sentence similarity, filtered and diversified. */
import type { Embedder } from '../embed/embedder.ts';
import type { BuiltIndex } from '../index/artifacts.ts';
import { fuse, type FusionOptions } from '../index/hybrid.ts';
import { SentenceTermIndex } from '../index/sentence-terms.ts';
import { asksAsSelf, speaksToReader } from '../query/person.ts';
import { withoutQuestionForms } from '../query/question-forms.ts';
import { expansionTerms } from '../query/synonyms.ts';
import { terms } from '../text/terms.ts';
import { DocumentMentions, type QuestionMentions } from './document-mentions.ts';
import type { Hit, SourceDocument } from '../types.ts';

export interface RetrieverOptions {
  /** Weight of the BM25 list in the fusion (default 1). */
  keywordWeight: number;
  /** Weight of the dense list; USE-lite is a weak retriever on this text, so it only nudges (default 0.4). */
  denseWeight: number;
  /** Weight of the list ranking chunks by their best sentence's IDF-weighted query coverage (default 1). */
  sentenceWeight: number;
  fusion: FusionOptions['method'];
  /** Reciprocal-rank damping (default 40: measured on dev, R@5 0.926 → 0.944 against 60). */
  rrfK: number;
  /** How many candidates each retriever contributes before fusion (default 60). */
  candidates: number;
  /** Also search for thesaurus synonyms of the question's words (default true). */
  synonyms: boolean;
  /** Score multiplier for chunks of a document the question names: × (1 + boost × strength) (default 0.15). */
  mentionBoost: number;
  /** Score multiplier, × (1 + boost), for chunks written to "you" when the question is asked as "I" (default 0.15). */
  askerBoost: number;
  /**
   * Diversity across documents for questions that span documents (see DocumentMentions.spansDocuments):
   * each result already taken from a document multiplies that document's next candidates by this
   * factor (1 = off; default 0.6). Measured: applied to every question it costs recall, so it is not.
   */
  documentDecay: number;
}

export const defaultRetrieverOptions: RetrieverOptions = {
  keywordWeight: 1,
  denseWeight: 0.4,
  sentenceWeight: 1,
  fusion: 'rrf',
  rrfK: 40,
  candidates: 60,
  synonyms: true,
  mentionBoost: 0.15,
  askerBoost: 0.15,
  documentDecay: 0.6,
};

export interface SearchRequest {
  query: string;
  k: number;
  docIds?: ReadonlyArray<string>;
}

export class Retriever {
  private readonly options: RetrieverOptions;
  private readonly chunksOfSentence: number[][];
  /** Per chunk, whether it is written to "you" (worked out once: the chunks never change). */
  private readonly speaksToReader: boolean[];
  private readonly docsById: Map<string, SourceDocument>;
  readonly sentenceTerms: SentenceTermIndex;
  readonly mentions: DocumentMentions;

  constructor(
    readonly index: BuiltIndex,
    docs: ReadonlyArray<SourceDocument>,
    readonly embedder: Embedder,
    options: Partial<RetrieverOptions> = {},
  ) {
    this.options = { ...defaultRetrieverOptions, ...options };
    this.docsById = new Map(docs.map((d) => [d.id, d]));
    this.mentions = new DocumentMentions(docs);
    this.sentenceTerms = new SentenceTermIndex(index.sentences, index.sectionsByDoc);
    this.chunksOfSentence = index.sentences.map(() => []);
    this.speaksToReader = index.chunks.map((c) => speaksToReader(c.indexText));
    index.chunks.forEach((chunk, ci) => {
      for (const sid of chunk.sentenceIds) this.chunksOfSentence[sid]?.push(ci);
    });
  }

  /** The `k` best chunks for `query` as verbatim hits. */
  async search(request: SearchRequest): Promise<Hit[]> {
    const ranked = await this.rank(request.query, request.docIds);
    return ranked.slice(0, request.k).map(([ci, score]) => this.toHit(ci, score));
  }

  /**
   * Fused `[chunk index, score]` candidates, best first. A caller that has already embedded the query
   * or read its document mentions passes them in `known`, so they are not worked out again.
   */
  async rank(
    query: string,
    docIds?: ReadonlyArray<string>,
    options: Partial<RetrieverOptions> = {},
    known: { queryVector?: ArrayLike<number>; mentions?: QuestionMentions } = {},
  ): Promise<Array<[number, number]>> {
    const opts = { ...this.options, ...options };
    const allowed = docIds?.length ? new Set(docIds) : undefined;
    // Framing words ("under what conditions") are not searched for; the embedder still reads the whole question.
    const searchable = withoutQuestionForms(query);
    const queryTerms = terms(searchable);
    const expansions = opts.synonyms ? expansionTerms(queryTerms) : [];
    const keyword = opts.keywordWeight > 0 ? this.index.keyword.search(searchable, opts.candidates, allowed, expansions) : [];
    const dense = opts.denseWeight > 0 ? this.denseChunks(known.queryVector ?? (await this.embedder.embedQuery(query)), opts.candidates, allowed) : [];
    const bySentence = opts.sentenceWeight > 0 ? this.bestSentenceChunks(this.sentenceTerms.search({ terms: queryTerms, expansions }, opts.candidates * 4, allowed), opts.candidates) : [];
    const fused = fuse([keyword, dense, bySentence], { method: opts.fusion, rrfK: opts.rrfK, weights: [opts.keywordWeight, opts.denseWeight, opts.sentenceWeight] });
    const mentions = known.mentions ?? this.mentions.read(query);
    const named = opts.mentionBoost > 0 ? mentions.strengths : new Map<string, number>();
    const askedAsSelf = opts.askerBoost > 0 && asksAsSelf(query);
    const boost = (ci: number): number => {
      const chunk = this.index.chunks[ci];
      return (1 + opts.mentionBoost * (named.get(chunk?.docId ?? '') ?? 0)) * (askedAsSelf && this.speaksToReader[ci] ? 1 + opts.askerBoost : 1);
    };
    const boosted = named.size || askedAsSelf ? fused.map(([ci, score]): [number, number] => [ci, score * boost(ci)]).sort((a, b) => b[1] - a[1]) : fused;
    return mentions.spansDocuments ? this.diversify(boosted, opts.candidates, opts.documentDecay) : boosted;
  }

  /** Scores sentences by cosine to the query; chunks take their best sentence's score. */
  private denseChunks(q: ArrayLike<number>, limit: number, allowed?: ReadonlySet<string>): Array<[number, number]> {
    const sentenceHits = this.index.vectors
      .search(q, Math.min(this.index.sentences.length, limit * 4))
      .filter(([sid]) => !allowed || allowed.has(this.index.sentences[sid]?.docId ?? ''));
    return this.bestSentenceChunks(sentenceHits, limit);
  }

  /** Chunks ranked by the best score any of their sentences got. */
  private bestSentenceChunks(sentenceHits: ReadonlyArray<readonly [number, number]>, limit: number): Array<[number, number]> {
    const best = new Map<number, number>();
    for (const [sid, score] of sentenceHits) {
      for (const ci of this.chunksOfSentence[sid] ?? []) best.set(ci, Math.max(best.get(ci) ?? -Infinity, score));
    }
    return [...best.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit);
  }

  /** Greedy re-ranking: repeatedly take the best candidate after decaying documents already taken from. */
  private diversify(ranked: Array<[number, number]>, k: number, decay = this.options.documentDecay): Array<[number, number]> {
    if (decay >= 1) return ranked.slice(0, k);
    const pool = ranked.slice(0, Math.max(k * 4, 20));
    const taken = new Map<string, number>();
    const out: Array<[number, number]> = [];
    while (out.length < k && pool.length) {
      let bestAt = 0;
      let bestScore = -Infinity;
      pool.forEach(([ci, score], i) => {
        const adjusted = score * decay ** (taken.get(this.index.chunks[ci]?.docId ?? '') ?? 0);
        if (adjusted > bestScore) {
          bestScore = adjusted;
          bestAt = i;
        }
      });
      const [picked] = pool.splice(bestAt, 1);
      if (!picked) break;
      const docId = this.index.chunks[picked[0]]?.docId ?? '';
      taken.set(docId, (taken.get(docId) ?? 0) + 1);
      out.push([picked[0], bestScore]);
    }
    return out;
  }

  toHit(chunkIndex: number, score: number): Hit {
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
    };
  }
}

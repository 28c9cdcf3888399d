/**
 * @module The ranking pipeline, in Orama's shape: candidates (BM25 per field, dense neighbours) →
 * features → one learned score → sorted passages. Diversification is left to the caller (diversify.ts).
 */
import { boundedQuestion, embeddedText } from './bounds.ts';
import type { Embedder } from '../embed/embedder.ts';
import type { BuiltIndex } from '../index/built-index.ts';
import type { KeywordHits } from '../index/passage-search.ts';
import type { Passage } from '../index/passages.ts';
import type { Question } from '../query/analyse.ts';
import { defaultCandidateOptions, gatherCandidates, keywordCandidates, type CandidateOptions, type KeywordScores } from './candidates.ts';
import type { CorpusFacts } from './corpus-facts.ts';
import { lexicalFeatures, profileQuestion, withDenseFeatures, type KeywordSignals } from './features.ts';
import type { LinearModel } from './model.ts';
import { QuestionMemory, type Recall } from './memory.ts';

export interface RankedPassage {
  passage: Passage;
  /** Cleaned text of the passage (what the features read). */
  text: string;
  features: number[];
  score: number;
}

/** The ranked passages, and the remembered questions nearest to the one asked. */
export interface Ranking {
  ranked: RankedPassage[];
  recall: Recall | null;
}

export interface RankRequest {
  question: Question;
  docIds?: ReadonlyArray<string>;
  signal?: AbortSignal;
}

/** Scores divided by the best of them (0..1), so one question's BM25 compares with another's. */
function relative(hits: KeywordHits): (id: number) => number {
  return (id) => (hits.best > 0 ? hits.score(id) / hits.best : 0);
}

export class Ranker {
  private readonly options: CandidateOptions;

  constructor(
    readonly index: BuiltIndex,
    readonly facts: CorpusFacts,
    private readonly embedder: Pick<Embedder, 'embedQuery'>,
    /** Null while collecting features for training: every passage then scores 0. */
    private readonly model: LinearModel | null,
    private readonly memory: QuestionMemory = QuestionMemory.empty(),
    options: Partial<CandidateOptions> = {},
  ) {
    this.options = { ...defaultCandidateOptions, ...options };
  }

  /** Every candidate passage for the question, scored, best first. */
  async rank(request: RankRequest): Promise<Ranking> {
    const question = boundedQuestion(request.question, (t) => this.facts.idf(t));
    const allowed = request.docIds?.length ? new Set(request.docIds) : undefined;
    request.signal?.throwIfAborted();
    const embedding = this.embedder.embedQuery(embeddedText(question), request.signal);
    // One turn of the event loop lets the embedder send the query to its worker thread; the keyword
    // searches then run on this thread while the model works on the other.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const profile = profileQuestion(question, this.facts, this.memory.associations);
    const lexical = new Map<number, number[]>();
    let keyword: KeywordScores;
    let bm25: KeywordSignals;
    const lexicalOf = (passage: Passage): number[] => {
      let features = lexical.get(passage.id);
      if (!features) {
        features = lexicalFeatures(profile, passage, this.facts.passageTexts[passage.id] ?? '', this.facts, bm25);
        lexical.set(passage.id, features);
      }
      return features;
    };
    try {
      keyword = keywordCandidates(this.index, question, allowed, this.options);
      bm25 = { text: relative(keyword.text), expansion: relative(keyword.expansion), context: relative(keyword.context), section: relative(keyword.section), title: relative(keyword.title) };
      // Still on this thread while the model embeds: the keyword candidates' features that need no
      // query vector (most of the features, and of the work).
      for (const hits of Object.values(keyword)) {
        for (const id of hits.top) {
          const passage = this.index.passages[id];
          if (passage) lexicalOf(passage);
        }
      }
    } catch (error) {
      // The embedding may still fail (an abort): nobody awaits it now.
      embedding.catch(() => undefined);
      throw error;
    }
    const queryVector = await embedding;
    request.signal?.throwIfAborted();
    const recall = this.memory.entries.length ? this.memory.recall([...question.terms, ...question.contextTerms], queryVector, (t) => this.facts.idf(t)) : null;
    const { passages, similarity } = gatherCandidates(this.index, this.facts, question, keyword, queryVector, allowed, recall, this.options);
    request.signal?.throwIfAborted();
    const dense = { similarity, bestSimilarity: Math.max(0, ...passages.flatMap((p) => p.sentenceIds.map(similarity))), recall };
    const ranked = passages.map((passage): RankedPassage => {
      const text = this.facts.passageTexts[passage.id] ?? '';
      const features = withDenseFeatures(lexicalOf(passage), passage, dense);
      return { passage, text, features, score: this.model ? this.model.score(features) : 0 };
    });
    return { ranked: ranked.sort((a, b) => b.score - a.score || a.passage.id - b.passage.id), recall };
  }
}

/** @module Scores candidate sentences against a question: term coverage (IDF-weighted), embedding similarity, answer type. */
import type { BuiltIndex } from '../index/artifacts.ts';
import type { SentenceTermIndex } from '../index/sentence-terms.ts';
import { tokenize } from '../text/terms.ts';
import type { Sentence, SourceDocument } from '../types.ts';
import { matchesAnswerType, type QuestionAnalysis } from './question.ts';

export interface EvidenceWeights {
  /** Share of the question's IDF mass found in the sentence (default 0.55). */
  lexical: number;
  /** Cosine similarity of sentence and question embeddings (default 0.35). */
  dense: number;
  /** Bonus when the sentence holds the kind of fact asked for (default 0.1). */
  answerType: number;
  /** Bonus by the retrieval rank of the sentence's chunk, 1/(rank+1) (default 0.1). */
  chunkRank: number;
}

export const defaultEvidenceWeights: EvidenceWeights = { lexical: 0.55, dense: 0.35, answerType: 0.1, chunkRank: 0.1 };

export interface ScoredSentence {
  sentence: Sentence;
  score: number;
  lexical: number;
  dense: number;
  typeMatch: boolean;
  /** Question terms found in the sentence itself. */
  covered: Set<string>;
  chunkRank: number;
  sectionPath: string[];
}

export class EvidenceScorer {
  /** Per document, the words of its title, publisher and date: "the 2025 report" names that report. */
  readonly documentWords: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly sectionPaths = new Map<string, string[]>();
  /** Sentences that only repeat their section's title: a heading states no fact, so it is never quoted as one. */
  private readonly headings = new Set<number>();

  constructor(
    private readonly index: BuiltIndex,
    private readonly terms: SentenceTermIndex,
    docs: ReadonlyArray<SourceDocument>,
    private readonly weights: EvidenceWeights = defaultEvidenceWeights,
  ) {
    this.documentWords = new Map(docs.map((d) => [d.id, new Set(tokenize(`${d.title} ${d.shortTitle} ${d.publisher ?? ''} ${d.date ?? ''}`))]));
    for (const [docId, sections] of Object.entries(index.sectionsByDoc)) for (const s of sections) this.sectionPaths.set(`${docId}/${s.id}`, s.path);
    const squash = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    for (const sentence of index.sentences) {
      const path = this.sectionPaths.get(`${sentence.docId}/${sentence.sectionId}`);
      const own = squash(sentence.cleanText);
      if (own && path && squash(path[path.length - 1] ?? '').includes(own)) this.headings.add(sentence.id);
    }
  }

  /** Scores each candidate; `chunkRank` is the retrieval rank of the best chunk holding the sentence. */
  score(question: QuestionAnalysis, queryVector: ArrayLike<number>, candidates: ReadonlyArray<{ sentenceId: number; chunkRank: number }>): ScoredSentence[] {
    let qNorm = 0;
    for (let i = 0; i < queryVector.length; i++) qNorm += (queryVector[i] ?? 0) ** 2;
    qNorm = Math.sqrt(qNorm) || 1;
    const dims = this.index.manifest.embedder.dims;
    return candidates.filter(({ sentenceId }) => !this.headings.has(sentenceId)).map(({ sentenceId, chunkRank }) => {
      const sentence = this.index.sentences[sentenceId] as Sentence;
      const { score: lexical, covered } = this.terms.coverage(question.terms, sentenceId, question.expansions);
      const v = this.index.sentenceVectors.subarray(sentenceId * dims, (sentenceId + 1) * dims);
      let dot = 0;
      let vNorm = 0;
      for (let i = 0; i < dims; i++) {
        const x = v[i] ?? 0;
        dot += x * (queryVector[i] ?? 0);
        vNorm += x * x;
      }
      const dense = dot / (qNorm * (Math.sqrt(vNorm) || 1));
      const typeMatch = question.answerType !== 'other' && matchesAnswerType(question.answerType, sentence.cleanText);
      const score =
        this.weights.lexical * lexical +
        this.weights.dense * Math.max(0, dense) +
        (typeMatch ? this.weights.answerType : 0) +
        this.weights.chunkRank / (chunkRank + 1);
      const sectionPath = this.sectionPaths.get(`${sentence.docId}/${sentence.sectionId}`) ?? [];
      return { sentence, score, lexical, dense, typeMatch, covered, chunkRank, sectionPath };
    });
  }
}

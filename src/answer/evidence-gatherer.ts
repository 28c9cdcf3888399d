/** @module Retrieval for answering: the best chunks for a question and their sentences, scored. */
import type { Retriever } from '../retrieve/retriever.ts';
import type { EvidenceScorer, ScoredPassage } from './evidence.ts';
import { analyseQuestion, type QuestionAnalysis } from './question.ts';

export interface GatherOptions {
  /** Chunks whose sentences become candidates (default 12: dev support 50 → 51 of 54 from 8; the same from 10 to 16). */
  chunks: number;
}

export const defaultGatherOptions: GatherOptions = { chunks: 12 };

export interface Evidence {
  analysis: QuestionAnalysis;
  /** The question compares documents (names two documents' years): answers should quote each. */
  spansDocuments: boolean;
  /** Chunk indexes, best first. */
  chunkIndexes: number[];
  /** Candidate passages (one to three neighbouring sentences), best first; they overlap. */
  passages: ScoredPassage[];
}

/**
 * Searches for `searchText` (the question with any follow-up context) and scores the sentences of the
 * best chunks against it. `question` (the user's own last words) decides the expected answer type.
 */
export async function gatherEvidence(
  retriever: Retriever,
  scorer: EvidenceScorer,
  question: string,
  searchText: string,
  docIds: ReadonlyArray<string> | undefined,
  options: GatherOptions = defaultGatherOptions,
): Promise<Evidence> {
  const own = analyseQuestion(question);
  const full = searchText === question ? own : analyseQuestion(searchText);
  const mentions = retriever.mentions.read(searchText);
  const named = mentions.strengths;
  // Words that only name a document ("the 2025 TIP report") say which document, not what to find in it.
  const namingWords = new Set([...retriever.mentions.namingWordsOf([...named.keys()]), ...retriever.mentions.namingPhraseTerms(searchText, [...named.keys()])]);
  const ownTerms = new Set(own.terms);
  // A follow-up's own words say what it asks; the earlier turn's words only say what about.
  const analysis: QuestionAnalysis = {
    ...full,
    terms: own.terms.filter((t) => !namingWords.has(t)),
    context: full.terms.filter((t) => !ownTerms.has(t) && !namingWords.has(t)),
    answerType: own.answerType,
    namedDocuments: named,
  };
  const queryVector = await retriever.embedder.embedQuery(searchText);
  const ranked = (await retriever.rank(searchText, docIds, {}, { queryVector, mentions })).slice(0, options.chunks);
  const chunkIndexes = ranked.map(([ci]) => ci);
  const rankOf = new Map<number, number>();
  chunkIndexes.forEach((ci, rank) => {
    for (const sid of retriever.index.chunks[ci]?.sentenceIds ?? []) if (!rankOf.has(sid)) rankOf.set(sid, rank);
  });
  const candidates = [...rankOf.entries()].map(([sentenceId, chunkRank]) => ({ sentenceId, chunkRank }));
  const passages = scorer.score(analysis, queryVector, candidates);
  return { analysis, spansDocuments: mentions.spansDocuments, chunkIndexes, passages };
}

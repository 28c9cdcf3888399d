/**
 * @module Evidence for an answer, the same for every answerer: the conversation read as a question,
 * the passages ranked by the learned model, and the answer check's calibrated decision.
 */
import { readQuestion, type Question, type QuestionReader } from '../query/analyse.ts';
import { splitConversation } from '../query/followup.ts';
import { checkAnswer, decide, type AnswerDecision } from '../rank/answerability.ts';
import type { LinearModel } from '../rank/model.ts';
import type { RankedPassage, Ranker } from '../rank/ranker.ts';
import type { CorpusFacts } from '../rank/corpus-facts.ts';
import type { CorpusView } from './citations.ts';
import type { ChatMessage } from '../types.ts';

/** What answering reads of the index it answers from. */
export interface AnswerContext {
  facts: CorpusFacts;
  reader: QuestionReader;
  view: CorpusView;
}

/** What answering needs: the ranker over an index, what is known of that index, and the answer check. */
export interface AnsweringDeps {
  ranker: Ranker;
  context: AnswerContext;
  answerability: LinearModel;
  /** Probability at or above which the documents are taken to answer (chosen on validation). */
  threshold: number;
}

export interface Evidence {
  question: Question;
  /** Every candidate passage, best first. */
  ranked: RankedPassage[];
  decision: AnswerDecision;
  /** The question as searched: a follow-up with what it leans on. */
  searchedFor: string;
}

export async function gatherEvidence(deps: AnsweringDeps, messages: ReadonlyArray<ChatMessage>, docIds?: ReadonlyArray<string>, signal?: AbortSignal): Promise<Evidence> {
  const { question: text, context } = splitConversation(messages);
  const question = readQuestion(text, context, deps.context.reader);
  const { ranked, recall } = await deps.ranker.rank({ question, ...(docIds ? { docIds } : {}), ...(signal ? { signal } : {}) });
  const decision = decide(checkAnswer(question, ranked, recall, deps.context.facts), deps.answerability, deps.threshold);
  return { question, ranked, decision, searchedFor: context ? `${context} ${question.text}` : question.text };
}

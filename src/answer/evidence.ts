/**
 * @module Evidence for an answer, the same for every answerer: the conversation read as a question,
 * the passages ranked by the learned model, and the answer check's calibrated decision.
 */
import type { Question, QuestionReader } from '../query/analyse.ts';
import { readConversation } from '../query/conversation.ts';
import { lastQuestion } from '../query/followup.ts';
import type { Language } from '../query/language.ts';
import type { Translator } from '../query/translate.ts';
import { detectHelpSeeking } from '../query/help-seeking.ts';
import { checkAnswer, decide, type AnswerDecision } from '../rank/answerability.ts';
import type { LinearModel } from '../rank/model.ts';
import type { RankedPassage, Ranker } from '../rank/ranker.ts';
import type { CorpusFacts } from '../rank/corpus-facts.ts';
import type { CorpusView } from './citations.ts';
import type { Citation } from './types.ts';
import type { ChatMessage } from '../types.ts';

/** What answering reads of the index it answers from. */
export interface AnswerContext {
  facts: CorpusFacts;
  reader: QuestionReader;
  /** Norwegian questions into English search words, in the senses this index's documents use. */
  translator: Translator;
  view: CorpusView;
}

/** Who can help a person in need, and how a message asking for help is told from others. */
export interface HelpDeps {
  /** The help contacts, numbered from 1 (see help/contacts.ts); empty when the manifest names none. */
  contacts: ReadonlyArray<Citation>;
  model: LinearModel;
  threshold: number;
}

/** What answering needs: the ranker over an index, what is known of that index, and the answer check. */
export interface AnsweringDeps {
  ranker: Ranker;
  context: AnswerContext;
  answerability: LinearModel;
  /** Probability at or above which the documents are taken to answer (chosen on validation). */
  threshold: number;
  help: HelpDeps;
}

export interface Evidence {
  /** The question as the user wrote it. */
  asked: string;
  /** The language it is written in: the answer's framing follows it. */
  language: Language;
  /** It asks for help now: the help contacts come first. */
  helpSeeking: boolean;
  question: Question;
  /** Every candidate passage, best first. */
  ranked: RankedPassage[];
  decision: AnswerDecision;
  /** The question as searched: a follow-up with what it leans on. */
  searchedFor: string;
}


export interface GatherOptions {
  docIds?: ReadonlyArray<string>;
  signal?: AbortSignal;
  /**
   * The conversation to search with, when another step rewrote it (a model's condensed, English
   * question); the language and the need for help are still read from the user's own words.
   */
  searchAs?: ReadonlyArray<ChatMessage>;
}

/**
 * Reads the conversation's last question (a Norwegian one through the glossary, into English search
 * words), ranks the passages, decides whether they answer, and whether the asker needs help now.
 */
export async function gatherEvidence(deps: AnsweringDeps, messages: ReadonlyArray<ChatMessage>, options: GatherOptions = {}): Promise<Evidence> {
  const { docIds, signal } = options;
  // The user's own last question: its language sets the answer's, its words say whether they need help.
  const asked = lastQuestion(messages);
  const language = deps.context.translator.languageOf(asked);
  const question = readConversation(options.searchAs ?? messages, deps.context.reader, deps.context.translator);
  const { ranked, recall } = await deps.ranker.rank({ question, ...(docIds ? { docIds } : {}), ...(signal ? { signal } : {}) });
  const decision = decide(checkAnswer(question, ranked, recall, deps.context.facts), deps.answerability, deps.threshold);
  const helpSeeking = deps.help.contacts.length > 0 && detectHelpSeeking(asked, deps.help.model, deps.help.threshold).helpSeeking;
  return { asked, language, helpSeeking, question, ranked, decision, searchedFor: question.context ? `${question.context} ${question.text}` : question.text };
}

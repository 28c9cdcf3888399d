/** @module Resolves a follow-up question against the conversation, deterministically (no model needed). */
import { terms } from '../text/terms.ts';
import type { ChatMessage } from '../types.ts';

const FOLLOW_UP_OPENERS = /^\s*(?:and|but|so|also|then|what about|how about|what if|and if|or|in that case|same)\b/i;
const ANAPHORA = /\b(?:they|them|their|those|these|that|this|it|its|he|she|his|her|there|such|the same|the second|the first|the other|the latter|the former|instead)\b/i;

/** The most of an earlier turn a follow-up takes in: the chat API's question limit, so context never outweighs a question. */
const MAX_CONTEXT_CHARS = 2000;

/** Whether `question` leans on earlier turns to be understood. */
export function isFollowUp(question: string): boolean {
  return FOLLOW_UP_OPENERS.test(question) || ANAPHORA.test(question) || terms(question).length < 3;
}

/**
 * The last user question, and what it leans on when it is a follow-up ('' otherwise): the previous
 * user question and the answer it got ("that change" is named in the answer, not the question).
 */
export interface Conversation {
  question: string;
  /** What the question leans on, as one text ('' when it stands alone). */
  context: string;
  /** The same, in its two parts: the previous user question, and the answer it got. */
  previous: string;
  answer: string;
}

/** The conversation's last message, trimmed: the question being asked now. */
export function lastQuestion(messages: ReadonlyArray<ChatMessage>): string {
  return messages[messages.length - 1]?.content.trim() ?? '';
}

/**
 * `read` turns each text used into the words it is searched as (a Norwegian turn into English: the
 * follow-up cues above are English); only the turns used are read, after they are cut to length.
 */
export function splitConversation(messages: ReadonlyArray<ChatMessage>, read: (text: string) => string = (text) => text): Conversation {
  const question = read(lastQuestion(messages));
  const earlier = messages.slice(0, -1);
  const previousAt = earlier.map((m) => m.role).lastIndexOf('user');
  const previous = earlier[previousAt]?.content.trim();
  if (!previous || !isFollowUp(question)) return { question, context: '', previous: '', answer: '' };
  // Earlier turns may be long; the topic sits in the question's length of text, and more only costs time.
  const cut = previous.slice(0, MAX_CONTEXT_CHARS);
  const answer = read((earlier.slice(previousAt + 1).find((m) => m.role === 'assistant')?.content.trim() ?? '').slice(0, MAX_CONTEXT_CHARS - cut.length));
  const asked = read(cut);
  return { question, context: `${asked} ${answer}`.trim(), previous: asked, answer };
}

/**
 * The question to search for: the last user question alone when it stands on its own, else prefixed
 * with the previous user question, whose terms then carry the topic ("And how many were convicted?").
 */
export function rewriteFollowUp(messages: ReadonlyArray<ChatMessage>): string {
  const { question, context } = splitConversation(messages);
  return context ? `${context} ${question}` : question;
}

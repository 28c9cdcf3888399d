/** @module Resolves a follow-up question against the conversation, deterministically (no model needed). */
import { terms } from '../text/terms.ts';
import type { ChatMessage } from './types.ts';

const FOLLOW_UP_OPENERS = /^\s*(?:and|but|so|also|then|what about|how about|what if|and if|or|in that case|same)\b/i;
const ANAPHORA = /\b(?:they|them|their|those|these|that|this|it|its|he|she|his|her|there|such|the same|the second|the first|the other|the latter|the former|instead)\b/i;

const MAX_CONTEXT_CHARS = 2000;

/** Whether `question` leans on earlier turns to be understood. */
export function isFollowUp(question: string): boolean {
  return FOLLOW_UP_OPENERS.test(question) || ANAPHORA.test(question) || terms(question).length < 3;
}

/**
 * The question to search for: the last user question alone when it stands on its own, else prefixed
 * with the previous user question, whose terms then carry the topic ("And how many were convicted?").
 */
export function rewriteFollowUp(messages: ReadonlyArray<ChatMessage>): string {
  const question = messages[messages.length - 1]?.content.trim() ?? '';
  const previous = [...messages.slice(0, -1)].reverse().find((m) => m.role === 'user')?.content.trim();
  if (!previous || !isFollowUp(question)) return question;
  // Earlier turns may be long; the topic sits in the question's length of text, and more only costs time.
  return `${previous.slice(0, MAX_CONTEXT_CHARS)} ${question}`;
}

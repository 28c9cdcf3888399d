/** @module The shapes an answer takes, shared by both answerers, the chat route and the eval harness. */

import type { ChatMessage } from '../types.ts';

export type { ChatMessage };

/** One cited passage: `text === document.text.slice(start, end)`, checked before it leaves the server. */
export interface Citation {
  n: number;
  docId: string;
  docTitle: string;
  /** The document's date as the manifest gives it ("2006-06-05", "2010-03", "2025"), or null when undated. */
  docDate: string | null;
  sectionPath: string[];
  start: number;
  end: number;
  text: string;
}

export interface Timings {
  rewrite: number;
  retrieve: number;
  answer: number;
  total: number;
}

export interface AnswerResult {
  /** Prose with citation markers `[1]`, `[2]` … that index `citations`. */
  answer: string;
  citations: Citation[];
  /** False when the documents do not answer the question; the answer then says so. */
  grounded: boolean;
  /** Which answerer produced this answer: `extractive` or `openai:<model>`. */
  answerer: string;
  /** For ungrounded answers: the nearest passages, for the reader to look at (not claims). */
  related: Citation[];
  /** The question as searched, after resolving a follow-up against the conversation. */
  searchedFor: string;
  /** Set when something happened the reader should know, e.g. the model failed and the offline answerer stood in. */
  notice?: string;
  /** For a question asking for help now: the help contacts, exact slices, also the first citations. */
  help?: Citation[];
  timings: Timings;
}

export interface AnswerRequest {
  messages: ReadonlyArray<ChatMessage>;
  docIds?: ReadonlyArray<string>;
  signal?: AbortSignal;
  /** Receives answer text as it is produced (already safe to show: no partial citation markers). */
  onDelta?: (text: string) => void;
  /** Receives the help contacts before any answer text, when the question asks for help now. */
  onHelp?: (contacts: ReadonlyArray<Citation>) => void;
  /**
   * Called when text already sent through `onDelta` is withdrawn (the model broke off mid-answer, or its
   * reply cited nothing); the deltas that follow replace it.
   */
  onReset?: () => void;
}

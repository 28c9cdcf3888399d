/**
 * @module A conversation read as the question to answer: its last question in English search words
 * (a Norwegian one translated), with the earlier turns a follow-up leans on. Answering and training
 * read questions through this one function, so the models learn from what the answerer sees.
 */
import { readQuestion, type Question, type QuestionReader } from './analyse.ts';
import { lastQuestion, splitConversation } from './followup.ts';
import type { Translator } from './translate.ts';
import type { ChatMessage } from '../types.ts';

export function readConversation(messages: ReadonlyArray<ChatMessage>, reader: QuestionReader, translator: Pick<Translator, 'inEnglish' | 'languageOf'>): Question {
  // The turns are read in their English search words: the user's, and an answer a model wrote in
  // Norwegian (Kilde's own answers are mostly the documents' English quotes, and read as English).
  const asked = lastQuestion(messages);
  const { question, context } = splitConversation(messages, (text) => translator.inEnglish(text));
  return { ...readQuestion(question, context, reader), translated: translator.languageOf(asked) !== 'en' };
}

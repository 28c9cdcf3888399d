/** @module Wordings that only frame a question ("under what conditions", "what kind of"): no passage need repeat them. */

/** Framings that ask for a reason ("for what reasons", "what were the reasons"). */
export const ASKS_REASON = /\bfor what reasons?\b|\bwhat (?:is|was|were|are) the reasons?\b/i;
/** Framings that ask for a condition ("under what conditions", "in what cases"). */
export const ASKS_CONDITION = /\b(?:under|on) what (?:conditions?|circumstances|terms)\b|\bin what (?:cases|circumstances)\b|\bwhat (?:are|were) the (?:conditions|requirements)\b/i;
const ASKS_KIND = /\bwhat (?:kinds?|types?|sorts?) of\b/i;

const QUESTION_FORMS = new RegExp([ASKS_REASON, ASKS_CONDITION, ASKS_KIND].map((r) => r.source).join('|'), 'gi');

/** The question with its framing words blanked out, so they are not searched for. */
export function withoutQuestionForms(question: string): string {
  return question.replace(QUESTION_FORMS, ' ');
}

/** @module Wordings that only frame a question ("under what conditions", "what kind of"): no passage need repeat them. */

const QUESTION_FORMS = /\b(?:under|on) what (?:conditions?|circumstances|terms)\b|\bin what (?:cases|circumstances)\b|\bwhat (?:kinds?|types?|sorts?) of\b|\bfor what reasons?\b|\bwhat (?:is|was|were|are) the reasons?\b/gi;

/** The question with its framing words blanked out, so they are not searched for. */
export function withoutQuestionForms(question: string): string {
  return question.replace(QUESTION_FORMS, ' ');
}

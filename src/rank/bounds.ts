/**
 * @module The most work one question may cause. A 2,000-character paste of common words would
 * otherwise search 120 terms and 130 expansions and embed the whole text (~0.1 s; at 300 characters 45 ms); real questions
 * stay far below every bound (over the 589 questions of the bank, dev and Norwegian sets at most
 * 18 terms, 11 context terms, 36 expansions, 4 names, 3 years and 167 characters), so answers do
 * not change.
 */
import type { Question } from '../query/analyse.ts';

export const QUESTION_BOUNDS = { terms: 32, contextTerms: 32, expansions: 64, names: 16, years: 8, embedChars: 300, embedContextChars: 200 } as const;

/** The question cut to the bounds: its rarest terms kept (in their order), and what hangs on them. */
export function boundedQuestion(question: Question, idf: (term: string) => number): Question {
  const b = QUESTION_BOUNDS;
  const within = question.terms.length <= b.terms && question.contextTerms.length <= b.contextTerms && question.expansions.length <= b.expansions && question.names.length <= b.names && question.years.length <= b.years;
  if (within) return question;
  const rarest = (list: ReadonlyArray<string>, n: number): string[] => {
    if (list.length <= n) return [...list];
    const keep = new Set([...list].sort((x, y) => idf(y) - idf(x)).slice(0, n));
    return list.filter((t) => keep.has(t));
  };
  const terms = rarest(question.terms, b.terms);
  return {
    ...question,
    terms,
    contextTerms: rarest(question.contextTerms, b.contextTerms),
    expansions: question.expansions.slice(0, b.expansions),
    names: question.names.slice(0, b.names),
    years: question.years.slice(0, b.years),
  };
}

/** The text embedded for the question: its start, after the end of the conversation it leans on. */
export function embeddedText(question: Pick<Question, 'text' | 'context'>): string {
  const text = question.text.slice(0, QUESTION_BOUNDS.embedChars);
  return question.context ? `${question.context.slice(-QUESTION_BOUNDS.embedContextChars)} ${text}` : text;
}

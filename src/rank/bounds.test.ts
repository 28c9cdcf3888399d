import { describe, expect, it } from 'vitest';
import type { Question } from '../query/analyse.ts';
import { QUESTION_BOUNDS, boundedQuestion, embeddedText } from './bounds.ts';

const question = (over: Partial<Question>): Question =>
  ({ text: 'q', context: '', terms: [], contextTerms: [], expansions: [], asks: null, subject: null, years: [], figures: [], names: [], firstPerson: false, aboutNow: false, comparative: false, ...over }) as Question;

describe('question bounds', () => {
  it('leaves a question within the bounds as it is', () => {
    const q = question({ terms: ['reflect', 'period'] });
    expect(boundedQuestion(q, () => 1)).toBe(q);
  });

  it('keeps the rarest terms, in their order, and cuts what hangs on the rest', () => {
    const terms = Array.from({ length: 100 }, (_, i) => `t${i}`);
    const idf = (t: string): number => Number(t.slice(1));
    const q = boundedQuestion(question({ terms, names: terms, years: terms, expansions: terms.map((t) => ({ term: t, from: t, kind: 'synonym' as const })) }), idf);
    expect(q.terms).toEqual(terms.slice(100 - QUESTION_BOUNDS.terms));
    expect(q.expansions).toHaveLength(QUESTION_BOUNDS.expansions);
    expect(q.names).toHaveLength(QUESTION_BOUNDS.names);
    expect(q.years).toHaveLength(QUESTION_BOUNDS.years);
  });

  it('embeds the start of a long question after the end of its conversation', () => {
    expect(embeddedText({ text: 'short', context: '' })).toBe('short');
    expect(embeddedText({ text: 'now', context: 'before' })).toBe('before now');
    const long = embeddedText({ text: 'x'.repeat(5000), context: 'y'.repeat(5000) });
    expect(long).toBe(`${'y'.repeat(QUESTION_BOUNDS.embedContextChars)} ${'x'.repeat(QUESTION_BOUNDS.embedChars)}`);
  });
});

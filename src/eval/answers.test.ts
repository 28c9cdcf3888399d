import { describe, expect, it } from 'vitest';
import type { Citation } from '../answer/types.ts';
import { referenceNumbers, scoreAnswers, type AnswerCase } from './answers.ts';

const cite = (start: number, end: number, docId = 'd'): Citation => ({ n: 1, docId, docTitle: 'D', docDate: null, sectionPath: [], start, end, text: '' });
const base: AnswerCase = { kind: 'fact', gold: [{ docId: 'd', start: 10, end: 20 }], referenceAnswer: '', answer: '', grounded: true, citations: [], citationValid: [] };

describe('scoreAnswers', () => {
  it('counts an answer as supported when a citation touches a gold span', () => {
    const s = scoreAnswers([{ ...base, citations: [cite(15, 30), cite(40, 50)], citationValid: [true, true] }]);
    expect(s.support).toBe(1);
    expect(s.citationPrecision).toBe(0.5);
  });

  it('counts a refusal of an answerable question as a false refusal, not support', () => {
    const s = scoreAnswers([{ ...base, grounded: false, citations: [cite(15, 30)], citationValid: [true] }]);
    expect(s.support).toBe(0);
    expect(s.falseRefusals).toBe(1);
  });

  it('credits refusing an unanswerable question', () => {
    const s = scoreAnswers([{ ...base, kind: 'unanswerable', gold: [], grounded: false }]);
    expect(s.refused).toBe(1);
  });

  it('checks that every figure of the reference answer appears in a number answer', () => {
    const number = { ...base, kind: 'number', referenceAnswer: '75 victims in 2005.' };
    expect(scoreAnswers([{ ...number, answer: 'In 2005, 75 were referred' }]).numbersInAnswer).toBe(1);
    expect(scoreAnswers([{ ...number, answer: 'In 2005 many were referred' }]).numbersInAnswer).toBe(0);
  });
});

describe('referenceNumbers', () => {
  it('reads figures with separators and drops trailing punctuation', () => {
    expect(referenceNumbers('About 2,500 people, or 1.5%, in 2024.')).toEqual(['2,500', '1.5', '2024']);
  });
});

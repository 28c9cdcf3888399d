import { describe, expect, it } from 'vitest';
import { withoutQuestionForms } from './question-forms.ts';

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

describe('withoutQuestionForms', () => {
  it('blanks the words that frame a question and keeps its topic', () => {
    expect(words(withoutQuestionForms('Under what conditions may a child be returned?'))).toEqual(['may', 'a', 'child', 'be', 'returned?']);
    expect(words(withoutQuestionForms('What kinds of permit exist, and what were the reasons?'))).toEqual(['permit', 'exist,', 'and', '?']);
  });

  it('leaves a question with no framing words as it is', () => {
    expect(withoutQuestionForms('Who signed the foreword?')).toBe('Who signed the foreword?');
  });
});

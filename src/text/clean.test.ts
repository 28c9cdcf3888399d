import { describe, expect, it } from 'vitest';
import { cleanText, sliceWithout } from './clean.ts';

describe('cleanText', () => {
  it('joins words hyphenated across a line break', () => {
    expect(cleanText('investi-\ngative methods')).toBe('investigative methods');
  });

  it('drops footnote markers glued to words but keeps section numbers', () => {
    expect(cleanText('a relative1 of section 132a6 of the Penal Code')).toBe('a relative of section 132a of the Penal Code');
  });

  it('keeps plain numbers and collapses white space', () => {
    expect(cleanText('In  2005,\n75 victims\t were **referred**')).toBe('In 2005, 75 victims were referred');
  });
});

describe('sliceWithout', () => {
  it('cuts tagged blocks out of a range', () => {
    const text = 'The plan says [QUOTE] that victims';
    expect(sliceWithout(text, 0, text.length, [{ start: 14, end: 22 }])).toBe('The plan says that victims');
  });
});

import { describe, expect, it } from 'vitest';
import { foldSpelling, terms, tokenize, wordsAsTyped } from './terms.ts';

describe('tokenize', () => {
  it('lower-cases and drops possessive endings and punctuation', () => {
    expect(tokenize('Norway’s NGOs, in 2024: "Barnehus"!')).toEqual(['norway', 'ngos', 'in', '2024', 'barnehus']);
  });

  it('reads a contraction as its pronoun, so "I\'ll" is not "ill"', () => {
    expect(tokenize("I'm sure I’ll go; we've seen it")).toEqual(['i', 'sure', 'i', 'go', 'we', 'seen', 'it']);
    expect(terms("What if I've applied?")).toEqual(terms('applied'));
  });
});

describe('wordsAsTyped', () => {
  it('keeps each word as the reader typed it, apostrophe ending included', () => {
    expect(wordsAsTyped("Don't ask UDI's office, ask Kripos!")).toEqual(["Don't", 'ask', "UDI's", 'office', 'ask', 'Kripos']);
  });
});

describe('foldSpelling', () => {
  it('folds British spellings onto American ones', () => {
    expect(foldSpelling('labour')).toBe('labor');
    expect(foldSpelling('organised')).toBe('organized');
    expect(foldSpelling('centre')).toBe('center');
    expect(terms('reception centres')).toEqual(terms('reception centers'));
  });

  it('leaves short and unrelated words alone', () => {
    expect(foldSpelling('our')).toBe('our');
    expect(foldSpelling('raise')).toBe('raise');
  });

  it('folds every inflection of a word alike', () => {
    expect(terms('rising')).toEqual(terms('rise'));
    expect(terms('organising')).toEqual(terms('organize'));
  });
});

describe('terms', () => {
  it('stems inflections onto one term and removes stop words', () => {
    expect(terms('The victims were trafficked')).toEqual(terms('victim trafficking'));
  });

  it('reads irregular plurals as their singular', () => {
    expect(terms('children women men people')).toEqual(terms('child woman man persons'));
  });

  it('matches British and American spellings', () => {
    expect(terms('forced labour')).toEqual(terms('forced labor'));
  });

  it('drops the quantifiers of "how many" and "how much": they ask for a figure, not a topic', () => {
    expect(terms('How many victims')).toEqual(terms('victims'));
  });

  it('keeps numbers as they are', () => {
    expect(terms('In 2005, 75 victims')).toEqual(['2005', '75', 'victim']);
  });
});

import { describe, expect, it } from 'vitest';
import { expansionTerms } from './synonyms.ts';
import { terms } from '../text/terms.ts';

describe('expansionTerms', () => {
  it('adds the documents\u2019 wording for a plain-language phrase', () => {
    expect(expansionTerms(terms('Can a child be sent back to their home country?'))).toEqual(expect.arrayContaining(terms('repatriated minor origin')));
  });

  it('matches multi-word phrases only as a whole', () => {
    expect(expansionTerms(terms('a civil servant'))).toEqual(expect.arrayContaining(terms('state employee')));
    expect(expansionTerms(terms('civil society and public servant'))).toEqual(expect.arrayContaining(terms('state employee')));
    expect(expansionTerms(terms('a civil war'))).not.toEqual(expect.arrayContaining(terms('employee')));
  });

  it('adds nothing the question already says, and nothing for unrelated words', () => {
    expect(expansionTerms(terms('prison'))).not.toContain(terms('prison')[0]);
    expect(expansionTerms(terms('weather report'))).toEqual([]);
  });
});

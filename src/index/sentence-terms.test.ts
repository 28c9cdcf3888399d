import { describe, expect, it } from 'vitest';
import { chunkCorpus } from '../ingest/chunks.ts';
import { terms } from '../text/terms.ts';
import type { ParsedDocument } from '../types.ts';
import { SentenceTermIndex } from './sentence-terms.ts';

const text = 'You can apply for a residence permit. If you applied for asylum, you can withdraw it and apply for a reflection period instead.';
const doc: ParsedDocument = {
  id: 'guide',
  file: 'guide.txt',
  title: 'guide',
  shortTitle: 'guide',
  publisher: null,
  date: null,
  source: null,
  text,
  sections: [{ id: 's0', title: 'Permits', path: ['Permits'], level: 1, start: 0, end: text.length, kind: 'heading', parentId: null }],
};
const { sentences } = chunkCorpus([doc]);
const index = new SentenceTermIndex(sentences, { guide: doc.sections });

describe('SentenceTermIndex.coverageOf', () => {
  it('counts the share of the question found in the sentence, and half for a word only its heading has', () => {
    expect(index.coverage({ terms: terms('residence permit') }, 0).score).toBe(1);
    const fromHeading = index.coverage({ terms: terms('asylum permits') }, 1);
    expect(fromHeading.covered).toEqual(new Set(terms('asylum')));
    expect(fromHeading.score).toBeGreaterThan(0.5);
    expect(fromHeading.score).toBeLessThan(1);
  });

  it('weighs the words of earlier turns below the question’s own, so a follow-up finds its own answer', () => {
    const followUp = { terms: terms('switch to a reflection period instead'), context: terms('residence permit') };
    expect(index.coverage(followUp, 1).score).toBeGreaterThan(index.coverage(followUp, 0).score);
    const asOneQuestion = { terms: [...followUp.terms, ...followUp.context] };
    expect(index.coverage(followUp, 1).score).toBeGreaterThan(index.coverage(asOneQuestion, 1).score);
  });

  it('lets a synonym add to the score but never past the whole question', () => {
    const plain = index.coverage({ terms: terms('withdraw protection') }, 1).score;
    const withSynonym = index.coverage({ terms: terms('withdraw protection'), expansions: terms('asylum') }, 1).score;
    expect(withSynonym).toBeGreaterThan(plain);
    expect(withSynonym).toBeLessThanOrEqual(1);
  });
});

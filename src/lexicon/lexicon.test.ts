import { describe, expect, it } from 'vitest';
import { buildLexicon, findProperNouns, Lexicon } from './lexicon.ts';
import type { Relation, WordNet } from './wordnet.ts';

const wordnet: WordNet = {
  relations: new Map<string, Map<string, Relation>>([
    ['jail', new Map<string, Relation>([['prison', 'synonym'], ['gaol', 'synonym']])],
    ['recommend', new Map<string, Relation>([['recommendation', 'derivation']])],
    ['identify', new Map<string, Relation>([['identification', 'derivation']])],
  ]),
  categories: new Map(),
  common: new Set(['office', 'drug']),
};
const lexicon = new Lexicon(buildLexicon(wordnet, [{ short: 'KOM', long: 'Coordination Unit for Victims' }], new Set(['prison', 'identif', 'coordin', 'unit', 'victim']), new Set(), ['oslo']));

describe('Lexicon.expand', () => {
  it('adds the corpus words a question word may stand for, and only those', () => {
    const terms = lexicon.expand('How long is jail?').map((e) => [e.term, e.kind]);
    expect(terms).toEqual([['prison', 'synonym']]);
  });

  it('finds the base form of an inflected word before looking it up', () => {
    expect(lexicon.expand('How are victims identified?').map((e) => e.term)).toContain('identif');
  });

  it('spells an acronym out, and names it for a question that spells it out', () => {
    expect(lexicon.expand('What is KOM?').map((e) => e.term)).toEqual(expect.arrayContaining(['coordin', 'unit']));
    expect(lexicon.expand('the coordination unit for victims').map((e) => e.term)).toContain('kom');
  });

  it('looks up no function word', () => {
    expect(lexicon.expand('can I')).toEqual([]);
  });
});

describe('findProperNouns', () => {
  it('finds words written only with a capital inside sentences, leaving ordinary words out', () => {
    const found = findProperNouns(['Victims came to Oslo from abroad.', 'The Office on Drugs met in Oslo.', 'An office opened.'], (w) => wordnet.common.has(w.replace(/s$/, '')));
    expect(found).toEqual(['oslo']);
  });
});

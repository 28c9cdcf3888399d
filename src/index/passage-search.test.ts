import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { toTerm, tokenize } from '../text/terms.ts';
import { PassageSearch, defaultBM25Options, type PassageDocument, type WeightedTerm } from './passage-search.ts';

const documents: PassageDocument[] = [
  { id: 0, docId: 'a', text: 'Victims of trafficking may get a reflection period of six months.', section: 'Protection', title: 'Report A' },
  { id: 1, docId: 'a', text: 'The police investigated trafficking cases and prosecuted traffickers.', section: 'Prosecution', title: 'Report A' },
  { id: 2, docId: 'b', text: 'Shelters for victims are funded by the government; victims get legal aid.', section: 'Protection', title: 'Plan B' },
  { id: 3, docId: 'b', text: 'The reflection period is a residence permit.', section: 'Residence', title: 'Plan B' },
];
const index = (t: string): string => toTerm(t) ?? t;

/** What one MiniSearch OR query over the weighted terms gives: the scores the cached postings must equal. */
function direct(field: 'text' | 'section' | 'title', terms: ReadonlyArray<WeightedTerm>, allowed?: ReadonlySet<string>): Map<number, number> {
  const ms = new MiniSearch<PassageDocument>({ fields: ['text', 'section', 'title'], storeFields: ['docId'], tokenize, processTerm: (t) => toTerm(t) ?? false });
  ms.addAll(documents);
  const weights = new Map(terms);
  const results = ms.search(terms.map(([t]) => t).join(' '), {
    fields: [field],
    bm25: defaultBM25Options,
    combineWith: 'OR',
    tokenize: (q) => q.split(' '),
    processTerm: (t) => t,
    boostTerm: (t) => weights.get(t) ?? 1,
    ...(allowed ? { filter: (r) => allowed.has(String(r['docId'])) } : {}),
  });
  return new Map(results.map((r) => [Number(r.id), r.score]));
}

describe('PassageSearch', () => {
  const search = PassageSearch.build(documents);

  it('scores a weighted multi-term query exactly as one MiniSearch OR query does', () => {
    const terms: WeightedTerm[] = [[index('victims'), 1], [index('reflection'), 0.5], [index('trafficking'), 1]];
    expect(search.search('text', terms)).toEqual(direct('text', terms));
  });

  it('gives the same scores again from its remembered postings, and per field', () => {
    const terms: WeightedTerm[] = [[index('protection'), 1], [index('residence'), 0.7]];
    const first = search.search('section', terms);
    expect(search.search('section', terms)).toEqual(first);
    expect(first).toEqual(direct('section', terms));
    expect(first.size).toBe(3);
  });

  it('keeps to the allowed documents', () => {
    const terms: WeightedTerm[] = [[index('victims'), 1]];
    const scores = search.search('text', terms, new Set(['b']));
    expect([...scores.keys()]).toEqual([2]);
    expect(scores).toEqual(direct('text', terms, new Set(['b'])));
  });

  it('finds nothing for no terms or unknown ones', () => {
    expect(search.search('text', []).size).toBe(0);
    expect(search.search('text', [['zzzunknown', 1]]).size).toBe(0);
  });

  it('survives a round trip through JSON', () => {
    const terms: WeightedTerm[] = [[index('police'), 1]];
    expect(PassageSearch.fromJSON(search.toJSON()).search('text', terms)).toEqual(search.search('text', terms));
  });
});

import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { toTerm, tokenize } from '../text/terms.ts';
import { PassageSearch, defaultBM25Options, type KeywordHits, type PassageDocument, type WeightedTerm } from './passage-search.ts';

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

/** The best n of a full score map, as the threshold walk must find them: higher score, then lower id. */
function topOf(scores: ReadonlyMap<number, number>, n: number): number[] {
  return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, n).map(([id]) => id);
}

/** Every passage's score from the hits' lookup, for the ids the direct query matched. */
function scoresOf(hits: KeywordHits, ids: Iterable<number>): Map<number, number> {
  return new Map([...ids].map((id) => [id, hits.score(id)]));
}

describe('PassageSearch', () => {
  const search = PassageSearch.build(documents);

  it('scores a weighted multi-term query exactly as one MiniSearch OR query does', () => {
    const terms: WeightedTerm[] = [[index('victims'), 1], [index('reflection'), 0.5], [index('trafficking'), 1]];
    const expected = direct('text', terms);
    const hits = search.search('text', terms, 10);
    expect(scoresOf(hits, expected.keys())).toEqual(expected);
    expect(hits.top).toEqual(topOf(expected, 10));
    expect(hits.best).toBe(Math.max(...expected.values()));
  });

  it('gives the same scores again from its remembered postings, and per field', () => {
    const terms: WeightedTerm[] = [[index('protection'), 1], [index('residence'), 0.7]];
    const first = search.search('section', terms, 10);
    expect(search.search('section', terms, 10).top).toEqual(first.top);
    const expected = direct('section', terms);
    expect(scoresOf(first, expected.keys())).toEqual(expected);
    expect(first.top).toHaveLength(3);
  });

  it('keeps to the allowed documents, in the best list and in scores on demand', () => {
    const terms: WeightedTerm[] = [[index('victims'), 1]];
    const hits = search.search('text', terms, 10, new Set(['b']));
    expect(hits.top).toEqual([2]);
    expect(hits.score(0)).toBe(0);
    expect(hits.score(2)).toBe(direct('text', terms, new Set(['b'])).get(2));
  });

  it('finds nothing for no terms or unknown ones', () => {
    expect(search.search('text', [], 10).top).toEqual([]);
    expect(search.search('text', [['zzzunknown', 1]], 10)).toMatchObject({ top: [], best: 0 });
  });

  it('survives a round trip through JSON', () => {
    const terms: WeightedTerm[] = [[index('police'), 1]];
    expect(PassageSearch.fromJSON(search.toJSON()).search('text', terms, 5).top).toEqual(search.search('text', terms, 5).top);
  });

  it('stops its walk early yet finds the same best n as scoring every passage (seeded random corpora)', () => {
    // A seeded generator (mulberry32), so a failure can be replayed.
    let seed = 7;
    const random = (): number => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
    const pick = (): string => words[Math.floor(random() ** 2 * words.length)] ?? 'alpha';
    for (let round = 0; round < 20; round++) {
      const docs: PassageDocument[] = Array.from({ length: 300 }, (_, id) => ({
        id,
        docId: `d${id % 3}`,
        text: Array.from({ length: 3 + Math.floor(random() * 30) }, pick).join(' '),
        section: '',
        title: '',
      }));
      const built = PassageSearch.build(docs);
      const ms = new MiniSearch<PassageDocument>({ fields: ['text'], storeFields: ['docId'], tokenize, processTerm: (t) => toTerm(t) ?? false });
      ms.addAll(docs);
      const terms: WeightedTerm[] = Array.from({ length: 1 + Math.floor(random() * 4) }, () => [index(pick()), 0.3 + random()] as const);
      const weights = new Map<string, number>();
      for (const [t, w] of terms) weights.set(t, Math.max(weights.get(t) ?? 0, w));
      const allowed = round % 2 ? new Set(['d0', 'd2']) : undefined;
      const full = new Map(
        ms
          .search([...weights.keys()].join(' '), { combineWith: 'OR', bm25: defaultBM25Options, tokenize: (q) => q.split(' '), processTerm: (t) => t, boostTerm: (t) => weights.get(t) ?? 1, ...(allowed ? { filter: (r) => allowed.has(String(r['docId'])) } : {}) })
          .map((r) => [Number(r.id), r.score]),
      );
      for (const n of [1, 5, 40]) {
        const hits = built.search('text', terms, n, allowed);
        const expected = topOf(full, n);
        // Scores equal to float rounding; the order of near-equal scores may differ by rounding only.
        expect(hits.top.map((id) => full.get(id))).toEqual(expected.map((id) => full.get(id)).map((v) => expect.closeTo(v ?? 0, 9)));
      }
    }
  });
});

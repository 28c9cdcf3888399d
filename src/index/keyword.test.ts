import { describe, expect, it } from 'vitest';
import type { Chunk } from '../types.ts';
import { KeywordIndex } from './keyword.ts';

const chunk = (docId: string, heading: string, body: string): Chunk => ({
  id: `${docId}#0`,
  docId,
  sectionId: 's0',
  sectionPath: [heading],
  start: 0,
  end: body.length,
  indexText: `${heading}\n${body}`,
  sentenceIds: [],
});

const chunks = [
  chunk('a', 'Prosecution', 'The government prosecuted eight cases of trafficking.'),
  chunk('a', 'Protection', 'Victims may get a reflection period of six months.'),
  chunk('b', 'Labour', 'Forced labour in fisheries and agriculture.'),
];

describe('KeywordIndex', () => {
  it('ranks the chunk that shares stemmed terms first', () => {
    expect(KeywordIndex.build(chunks).search('how many cases were prosecuted', 3)[0]?.[0]).toBe(0);
  });

  it('matches across British and American spelling', () => {
    expect(KeywordIndex.build(chunks).search('forced labor', 3)[0]?.[0]).toBe(2);
  });

  it('matches words in the section heading', () => {
    expect(KeywordIndex.build(chunks).search('protection', 3)[0]?.[0]).toBe(1);
  });

  it('keeps only chunks from the requested documents', () => {
    const hits = KeywordIndex.build(chunks).search('trafficking labour reflection', 10, new Set(['b']));
    expect(hits.map(([i]) => i)).toEqual([2]);
  });

  it('round-trips through JSON', () => {
    const index = KeywordIndex.build(chunks);
    expect(KeywordIndex.fromJSON(index.toJSON()).search('reflection period', 3)).toEqual(index.search('reflection period', 3));
  });
});

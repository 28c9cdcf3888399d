import { beforeAll, describe, expect, it } from 'vitest';
import { tinyCorpus, tinyDoc, type TinyCorpus } from '../../../test/support/tiny-corpus.ts';
import type { RankedPassage } from '../../rank/ranker.ts';
import { compose, readableDate } from './compose.ts';

let corpus: TinyCorpus;
beforeAll(async () => {
  corpus = await tinyCorpus([
    tinyDoc('old', 'Penalties\nThe maximum sentence is five years.\n', { shortTitle: 'Old report', date: '2006-06-05' }),
    tinyDoc('new', 'Penalties\nThe maximum sentence is ten years.\n', { shortTitle: 'New report', date: '2025' }),
  ]);
});

const passageOf = (docId: string): RankedPassage => {
  const passage = corpus.index.passages.find((p) => p.docId === docId);
  if (!passage) throw new Error(`no passage in ${docId}`);
  return { passage, text: '', features: [], score: 0 };
};

describe('readableDate', () => {
  it('writes a manifest date as a reader would', () => {
    expect(readableDate('2006-06-05')).toBe('5 June 2006');
    expect(readableDate('2010-03')).toBe('March 2010');
    expect(readableDate('2025')).toBe('2025');
    expect(readableDate(null)).toBeNull();
  });
});

describe('compose', () => {
  it('quotes each passage verbatim with its document, date, section and citation', () => {
    const { answer, citations } = compose(corpus.view, [passageOf('new')]);
    expect(answer).toBe('According to the New report (2025), Penalties: “The maximum sentence is ten years.” [1]');
    expect(citations[0]).toMatchObject({ n: 1, docId: 'new', docDate: '2025', text: 'The maximum sentence is ten years.' });
  });

  it('gives an older document as what it said, after the newer one', () => {
    const { answer } = compose(corpus.view, [passageOf('new'), passageOf('old')]);
    expect(answer).toMatch(/^According to the New report \(2025\).*\[1\]\n\nThe older Old report \(5 June 2006\) said, in Penalties: “The maximum sentence is five years\.” \[2\]$/s);
  });
});

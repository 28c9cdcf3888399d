import { describe, expect, it } from 'vitest';
import type { Section, SourceDocument } from '../types.ts';
import { citationsAreExact, corpusView, makeCitation, quoteOf } from './citations.ts';

const text = 'Body\nThe Convention and the\n\nQUOTE LINE\n\noptional protocols apply. End.';
const doc: SourceDocument = { id: 'd', file: 'd.txt', title: 'D', shortTitle: 'D', publisher: null, date: null, source: null, text };
const q = text.indexOf('QUOTE');
const sections: Section[] = [
  { id: 's0', title: 'Body', path: ['Body'], level: 1, start: 0, end: text.length, kind: 'heading', parentId: null },
  { id: 's1', title: 'Sidebar', path: ['Body', 'Sidebar'], level: 2, start: q, end: q + 'QUOTE LINE'.length, kind: 'sidebar', parentId: 's0' },
];
const view = corpusView([doc], { d: sections });

describe('makeCitation', () => {
  it('returns the exact slice with the innermost section path', () => {
    const c = makeCitation(view, 1, 'd', q, q + 5);
    expect(c).toMatchObject({ text: 'QUOTE', sectionPath: ['Body', 'Sidebar'] });
    expect(c && citationsAreExact(view, [c])).toBe(true);
  });

  it.each([
    [-1, 3],
    [5, 5],
    [0, text.length + 1],
    [1.5, 4],
  ])('refuses the span [%s, %s)', (start, end) => {
    expect(makeCitation(view, 1, 'd', start, end)).toBeNull();
  });

  it('refuses an unknown document', () => {
    expect(makeCitation(view, 1, 'nope', 0, 3)).toBeNull();
  });
});

describe('citationsAreExact', () => {
  it('catches a citation whose text is not the slice', () => {
    const c = makeCitation(view, 1, 'd', 0, 4);
    expect(c && citationsAreExact(view, [{ ...c, text: 'Bod' }])).toBe(false);
  });
});

describe('quoteOf', () => {
  it('leaves out a pull-quote set inside the cited sentence, marking the gap', () => {
    const start = text.indexOf('The Convention');
    const c = makeCitation(view, 1, 'd', start, text.indexOf(' End.'));
    expect(c && quoteOf(view, c)).toBe('The Convention and the … optional protocols apply.');
    expect(c?.text).toContain('QUOTE LINE');
  });
});

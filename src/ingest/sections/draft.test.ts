import { describe, expect, it } from 'vitest';
import { headingDrafts, titleReader, type Heading } from './draft.ts';
import { splitLines } from './lines.ts';

describe('titleReader', () => {
  it('joins lines with single spaces and drops footnote marker digits', () => {
    const text = 'Europe Report7, Norway \t\nwill seek';
    const read = titleReader(text, splitLines(text), [{ start: 13, end: 14 }]);
    expect(read(0, 1)).toBe('Europe Report, Norway will seek');
  });
});

describe('headingDrafts', () => {
  const heading = (line: number, level: number): Heading => ({ line, lastLine: line, level, kind: 'heading', title: `h${line}` });

  it('ends a heading before the next heading of the same or a higher rank, or a fixed top-level draft', () => {
    const drafts = headingDrafts([heading(0, 1), heading(2, 2), heading(4, 2), heading(6, 1)], [{ kind: 'metadata', title: 'm', from: 8, to: 9, level: 1 }], 9);
    expect(drafts.map((d) => [d.from, d.to])).toEqual([
      [0, 5],
      [2, 3],
      [4, 5],
      [6, 7],
    ]);
  });

  it('lets a document title cover only its own lines', () => {
    const drafts = headingDrafts([{ line: 0, lastLine: 0, level: 1, kind: 'title', title: 'T' }], [], 9);
    expect(drafts[0]).toMatchObject({ kind: 'title', from: 0, to: 0 });
  });
});

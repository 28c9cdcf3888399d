import { describe, expect, it } from 'vitest';
import { titleReader } from './draft.ts';
import { splitLines } from './lines.ts';
import { findNumberedHeadings } from './numbered.ts';

const find = (text: string) => {
  const lines = splitLines(text);
  return findNumberedHeadings(lines, titleReader(text, lines, []), () => false);
};

describe('findNumberedHeadings', () => {
  it('returns nothing for a single numbered line', () => {
    expect(find('1 Only chapter\n\nText.')).toEqual([]);
  });

  it('marks `N.N measures:` blocks and titles them `N.N Measures`', () => {
    const headings = find('1 One\n\n 1.4  measures:\nMeasure no. 1\n\n2 Two\nText.');
    expect(headings.map((h) => [h.title, h.measures === true])).toEqual([
      ['1 One', false],
      ['1.4 Measures', true],
      ['2 Two', false],
    ]);
  });

  it('finds a sub-section title that the layout separated from its number by a paragraph', () => {
    const text = '1 One\n\n1.1\n\nThe end of the previous section runs on here,\nover several lines of text.\n\nKnowledge\n\nBody.\n\n2 Two\nText.';
    const sub = find(text)[1];
    expect(sub?.title).toBe('1.1 Knowledge');
    expect(sub?.detachedLines).toEqual([7]);
  });
});

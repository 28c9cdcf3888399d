import { describe, expect, it } from 'vitest';
import { titleReader } from './draft.ts';
import { findHeadings } from './headings.ts';
import { splitLines } from './lines.ts';

const scan = (text: string, skip: (i: number) => boolean = () => false) => {
  const lines = splitLines(text);
  return findHeadings(lines, titleReader(text, lines, []), skip);
};

describe('findHeadings', () => {
  it('prefers Markdown over every other system', () => {
    const { system, headings } = scan('## One\n\nSHOUTED HEADING\n\nText.');
    expect(system).toBe('markdown');
    expect(headings.map((h) => h.title)).toEqual(['One']);
  });

  it('levels Markdown headings from the shallowest one used', () => {
    expect(scan('### A\n\nx\n\n#### B\n\ny').headings.map((h) => [h.title, h.level])).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
  });

  it('needs at least four capitals for an ALL-CAPS heading', () => {
    expect(scan('EU\n\nText.\n\nPROTECTION\n\nText.').headings.map((h) => h.title)).toEqual(['PROTECTION']);
  });

  it('falls back to short title lines, skipping excluded lines and lines followed by another candidate', () => {
    const { system, headings } = scan('Search here\nTitle one\nA paragraph of text.\nNot a heading\nShort title\nMore text here.', (i) => i === 0);
    expect(system).toBe('short-title');
    expect(headings.map((h) => h.title)).toEqual(['Title one', 'Short title']);
  });
});

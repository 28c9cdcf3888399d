import { describe, expect, it } from 'vitest';
import { blocksIn, contentEnd, contentStart, isBlank, snippet, splitLines } from './lines.ts';

describe('splitLines', () => {
  it('gives offsets that index the original text, with the newline outside every line', () => {
    const text = 'ab\n\n c \t\nd';
    const lines = splitLines(text);
    expect(lines.map((l) => text.slice(l.start, l.end))).toEqual(['ab', '', ' c \t', 'd']);
    expect(lines[2] && text.slice(contentStart(lines[2]), contentEnd(lines[2]))).toBe('c');
  });

  it('treats a line of NBSP and tabs as blank', () => {
    expect(isBlank(splitLines('\u00a0 \t')[0])).toBe(true);
  });
});

describe('blocksIn', () => {
  it('returns the runs of non-blank lines that are not skipped', () => {
    const lines = splitLines('a\nb\n\nc\nd\ne');
    expect(blocksIn(lines, 0, 5, (i) => i === 4)).toEqual([
      { from: 0, to: 1 },
      { from: 3, to: 3 },
      { from: 5, to: 5 },
    ]);
  });
});

describe('snippet', () => {
  it('drops double quotes and cuts long text at a word boundary', () => {
    expect(snippet('“ Short quote.”')).toBe('Short quote.');
    expect(snippet('word '.repeat(30), 20)).toBe('word word word word…');
  });
});

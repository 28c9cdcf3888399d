import { describe, expect, it } from 'vitest';
import { splitLines } from './lines.ts';
import { findBackMatter, findFootnotes } from './notes.ts';

describe('findFootnotes', () => {
  it('ends a note at a finished sentence, an indented line or the next note', () => {
    const text = 'Words relative1 and common2.\n1. First note that goes\non.\n2. Second note\n Body resumes.';
    const lines = splitLines(text);
    const { notes, markers } = findFootnotes(text, lines, () => false);
    expect(notes.map((n) => [n.title, n.from, n.to])).toEqual([
      ['Footnote 1', 1, 2],
      ['Footnote 2', 3, 3],
    ]);
    expect(markers.map((m) => text.slice(m.start, m.end))).toEqual(['1', '2']);
  });

  it('ignores numbered lines without a marker', () => {
    const text = 'Plain text.\n1. A list item';
    expect(findFootnotes(text, splitLines(text), () => false).notes).toEqual([]);
  });
});

describe('findBackMatter', () => {
  it('makes the text after the last note a top-level section', () => {
    const text = 'The end of the report7.\n\n7. A note\n The painting on the cover\nis by a student.';
    const lines = splitLines(text);
    const { notes } = findFootnotes(text, lines, () => false);
    expect(findBackMatter(lines, notes, new Set())).toEqual({ kind: 'caption', title: 'Cover note', from: 3, to: 4, level: 1 });
  });

  it('leaves text that finishes a sentence broken by the note in the body', () => {
    const broken = 'This is section 132a6 of the Penal\n6. A note\n Code. More text.';
    const brokenLines = splitLines(broken);
    expect(findBackMatter(brokenLines, findFootnotes(broken, brokenLines, () => false).notes, new Set())).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { splitLines } from './lines.ts';
import { buildSections } from './tree.ts';

describe('buildSections', () => {
  it('trims ranges to content and nests tagged drafts under the innermost container', () => {
    const text = 'Head\n  body one\n\nquote\n\nbody two  \n\n';
    const sections = buildSections(splitLines(text), [
      { kind: 'sidebar', title: 'Q', from: 3, to: 3 },
      { kind: 'heading', title: 'Head', from: 0, to: 7, level: 1 },
    ]);
    expect(sections.map((s) => [s.id, s.title, s.level, s.parentId, text.slice(s.start, s.end)])).toEqual([
      ['s0', 'Head', 1, null, 'Head\n  body one\n\nquote\n\nbody two'],
      ['s1', 'Q', 2, 's0', 'quote'],
    ]);
    expect(sections[1]?.path).toEqual(['Head', 'Q']);
  });

  it('drops drafts that cover only blank lines', () => {
    expect(buildSections(splitLines('a\n\n\nb'), [{ kind: 'preamble', title: 'P', from: 1, to: 2, level: 1 }])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { implicitDrafts, metadataDrafts } from './hints.ts';
import { splitLines } from './lines.ts';

describe('metadataDrafts', () => {
  it('groups metadata lines separated only by blank lines and names runs by position', () => {
    const lines = splitLines('Meta a\n\nMeta b\nContent.\nMeta c\nMore content.\nMeta d');
    const drafts = metadataDrafts(lines, { metadataLines: ['^Meta'] });
    expect(drafts.map((d) => [d.title, d.from, d.to])).toEqual([
      ['Publisher metadata', 0, 2],
      ['Metadata', 4, 4],
      ['Page footer', 6, 6],
    ]);
  });

  it('returns nothing without patterns', () => {
    expect(metadataDrafts(splitLines('Meta a'), {})).toEqual([]);
  });

  it('throws a ConfigError naming an invalid pattern', () => {
    expect(() => metadataDrafts(splitLines('Meta a'), { metadataLines: ['(unclosed'] })).toThrow(/invalid metadataLines pattern.*\(unclosed/u);
  });
});

describe('implicitDrafts', () => {
  it('gives extra paragraphs to the last title', () => {
    const lines = splitLines('Head\n\nOne.\n\nTwo.\n\nThree.');
    const heading = { kind: 'heading' as const, title: 'Head', from: 0, to: 6, level: 1, headEnd: 0 };
    const drafts = implicitDrafts(lines, { implicitSections: { under: 'head', titles: ['A', 'B'] } }, [heading]);
    expect(drafts.map((d) => [d.title, d.from, d.to, d.level])).toEqual([
      ['A', 2, 2, 2],
      ['B', 4, 6, 2],
    ]);
  });
});

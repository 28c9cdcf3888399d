import { describe, expect, it } from 'vitest';
import { splitLines } from './lines.ts';
import { findTaggedBlocks } from './tagged-blocks.ts';

const tags = (text: string) => findTaggedBlocks(splitLines(text), () => false).map((d) => [d.kind, d.title, d.from, d.to]);

describe('findTaggedBlocks', () => {
  it('tags a block with a whole-line quotation, attribution included, as a sidebar', () => {
    expect(tags('Body text ends here.\n\n“ I cried for five days.”\nA woman from Nigeria\n\nMore body.')).toEqual([
      ['sidebar', 'Sidebar: “I cried for five days. A woman from Nigeria”', 2, 3],
    ]);
  });

  it('leaves a quotation inside a sentence alone', () => {
    expect(tags('Body text.\n\n“travel expenses” and thereby\nbecome indebted.\n\nMore.')).toEqual([]);
  });

  it('tags a box that ends with an article reference, titled by its own title line', () => {
    expect(tags('Body.\n\nThe best interests of the child\nIn all actions the best interests come first.\nUN Convention, Article 3.\n\nMore.')).toEqual([
      ['sidebar', 'Sidebar: “The best interests of the child”', 2, 4],
    ]);
  });

  it('tags a block of questions as a sidebar', () => {
    expect(tags('Body.\n\nWho buys people?\nIs it right?\n\nMore.')[0]?.[0]).toBe('sidebar');
  });

  it('tags a short credit between finished paragraphs as a caption', () => {
    expect(tags('The goal is cooperation.\n\nNational Bureau of Investigation [KRIPOS]\n\nAs part of this campaign we act.')).toEqual([
      ['caption', 'Caption: National Bureau of Investigation [KRIPOS]', 2, 2],
    ]);
  });

  it('does not tag structural lines or a byline after a heading', () => {
    expect(findTaggedBlocks(splitLines('# Title\n\nMarch 2010\n\nText starts here.'), (i) => i === 0)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Draft } from './draft.ts';
import { frontDrafts } from './front.ts';
import { splitLines } from './lines.ts';

describe('frontDrafts', () => {
  it('names leading text that is not a title line a Preamble', () => {
    const lines = splitLines('Some words, then more.\n\n## Head\ntext');
    const top: Draft[] = [{ kind: 'heading', title: 'Head', from: 2, to: 3, level: 1 }];
    expect(frontDrafts(lines, top)).toEqual([{ kind: 'preamble', title: 'Preamble', from: 0, to: 0, level: 1 }]);
  });

  it('extends a title over a short byline that follows it', () => {
    const lines = splitLines('# T\n\nMay 2010\n\n## Head\ntext');
    const title: Draft = { kind: 'title', title: 'T', from: 0, to: 0, level: 1 };
    frontDrafts(lines, [title, { kind: 'heading', title: 'Head', from: 4, to: 5, level: 1 }]);
    expect(title.to).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { splitLines } from './lines.ts';
import { runInDrafts } from './run-in-headings.ts';

describe('runInDrafts', () => {
  it('finds short lines between a finished sentence and a full line of prose', () => {
    const text = '3.7 Causes\nIntro sentence ends here.\nProstitution\nTrade in women for the purpose of prostitution is often\nbased on poverty.\nForced labour\nCountries’ demand for cheap labour, restrictive immigration';
    const parent = { kind: 'heading' as const, title: '3.7 Causes', from: 0, to: 6, level: 2, headEnd: 0 };
    expect(runInDrafts(splitLines(text), [parent], () => false).map((d) => [d.title, d.from, d.to, d.level])).toEqual([
      ['Prostitution', 2, 4, 3],
      ['Forced labour', 5, 6, 3],
    ]);
  });

  it('ignores a short line that follows an unfinished sentence', () => {
    const text = '1.1 T\nEveryone is born free with\nhuman rights\nThe Pro Centre\nChild victims may only be repatriated if a carer is found.';
    const parent = { kind: 'heading' as const, title: '1.1 T', from: 0, to: 4, level: 2, headEnd: 0 };
    expect(runInDrafts(splitLines(text), [parent], () => false)).toEqual([]);
  });
});

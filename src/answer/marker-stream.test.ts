import { describe, expect, it } from 'vitest';
import { MarkerStream } from './marker-stream.ts';

const run = (pieces: string[], valid = [1, 2, 3]): { shown: string[]; text: string; stream: MarkerStream } => {
  const stream = new MarkerStream(new Set(valid));
  const shown = pieces.map((p) => stream.push(p));
  shown.push(stream.flush());
  return { shown, text: shown.join(''), stream };
};

describe('MarkerStream', () => {
  it('holds back a partial marker until it is complete', () => {
    const { shown } = run(['Eight cases [', '2', '] were tried.']);
    expect(shown).toEqual(['Eight cases ', '', '[1] were tried.', '']);
  });

  it('drops markers that name passages that were not given', () => {
    expect(run(['A claim [9]. Another [2].']).text).toBe('A claim . Another [1].');
  });

  it('renumbers passages in order of first use', () => {
    const { text, stream } = run(['X [3]. Y [1]. Z [3].']);
    expect(text).toBe('X [1]. Y [2]. Z [1].');
    expect([...stream.used.entries()]).toEqual([[3, 1], [1, 2]]);
  });

  it('splits a grouped marker into one marker per passage', () => {
    expect(run(['Both [1, 2].']).text).toBe('Both [1][2].');
  });

  it('lets a bracket that is not a marker through', () => {
    expect(run(['a [note] here']).text).toBe('a [note] here');
  });
});

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

  it('rejects a bracket followed by commas and spaces in linear time', () => {
    // Each `   ,` doubled the work of the old partial-marker pattern: these 13 took it seconds, 20 would take hours.
    const adversarial = `see [${'   ,'.repeat(13)}   x] and [2].`;
    const started = performance.now();
    const { text } = run([adversarial]);
    expect(performance.now() - started).toBeLessThan(50);
    expect(text).toBe(`see [${'   ,'.repeat(13)}   x] and [1].`);
  });

  it('shows a bracket as text once what follows it is too long to be a marker', () => {
    const stream = new MarkerStream(new Set([1]));
    expect(stream.push('a [')).toBe('a ');
    expect(stream.push('1, ')).toBe('');
    // Still only digits, commas and spaces, but longer than any real marker: no longer held back.
    const filler = ', , , , , , , , , , ,';
    expect(stream.push(filler)).toBe(`[1, ${filler}`);
    expect(stream.push(' [1] end')).toBe(' [1] end');
    expect(stream.flush()).toBe('');
  });

  it('still holds back and completes a long grouped marker', () => {
    expect(run(['Both [1, ', '2, ', '3, 1', ', 2].'], [1, 2, 3]).shown).toEqual(['Both ', '', '', '[1][2][3][1][2].', '']);
  });

  it('records where in the shown text a marker was dropped, a cut-off one included', () => {
    const { text, stream } = run(['A [1]. B [9]', '. C [2, 9]. D [', '4']);
    expect(text).toBe('A [1]. B . C [2]. D ');
    // Only markers dropped whole: [2, 9] still cites passage 2.
    expect(stream.dropped).toEqual([9, text.length]);
  });
});

import { describe, expect, it } from 'vitest';
import { MarkerStream } from './marker-stream.ts';

const run = (pieces: string[]): { shown: string[]; text: string } => {
  const stream = new MarkerStream();
  const shown = pieces.map((p) => stream.push(p));
  shown.push(stream.flush());
  return { shown, text: shown.join('') };
};

describe('MarkerStream', () => {
  it('holds back a partial marker until it is complete', () => {
    const { shown } = run(['Eight cases [', '2', '] were tried.']);
    expect(shown).toEqual(['Eight cases ', '', '[2] were tried.', '']);
  });

  it('splits a grouped marker into one marker per passage', () => {
    expect(run(['Both [1, 2].']).text).toBe('Both [1][2].');
  });

  it('lets a bracket that is not a marker through', () => {
    expect(run(['a [note] here']).text).toBe('a [note] here');
  });

  it('rejects a bracket followed by commas and spaces in linear time', () => {
    // Each `   ,` doubled the work of an older partial-marker pattern: these 13 took it seconds, 20 would take hours.
    const adversarial = `see [${'   ,'.repeat(13)}   x] and [2].`;
    const started = performance.now();
    const { text } = run([adversarial]);
    expect(performance.now() - started).toBeLessThan(50);
    expect(text).toBe(adversarial);
  });

  it('shows a bracket as text once what follows it is too long to be a marker', () => {
    const stream = new MarkerStream();
    expect(stream.push('a [')).toBe('a ');
    expect(stream.push('1, ')).toBe('');
    // Still only digits, commas and spaces, but longer than any real marker: no longer held back.
    const filler = ', , , , , , , , , , ,';
    expect(stream.push(filler)).toBe(`[1, ${filler}`);
    expect(stream.push(' [1] end')).toBe(' [1] end');
    expect(stream.flush()).toBe('');
  });

  it('still holds back and completes a long grouped marker', () => {
    expect(run(['Both [1, ', '2, ', '3, 1', ', 2].']).shown).toEqual(['Both ', '', '', '[1][2][3][1][2].', '']);
  });

  it('drops a marker cut off at the end of the stream instead of showing half of it', () => {
    expect(run(['A [1]. D [', '4']).text).toBe('A [1]. D ');
  });
});

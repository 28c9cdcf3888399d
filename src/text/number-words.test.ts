import { describe, expect, it } from 'vitest';
import { numberWords } from './number-words.ts';

describe('numberWords', () => {
  it('reads figures written as words, compounds included', () => {
    expect(numberWords('Sixteen of the 37 measures are new; twenty-five are old, forty two pending.')).toEqual([
      { text: 'Sixteen', value: 16 },
      { text: 'twenty-five', value: 25 },
      { text: 'forty two', value: 42 },
    ]);
  });

  it('reads no figure from a number word that a scale word multiplies', () => {
    expect(numberWords('two hundred victims and three thousand calls; five cases')).toEqual([{ text: 'five', value: 5 }]);
  });

  it('ignores words that only contain a number word', () => {
    expect(numberWords('Someone is often tenacious; seventy')).toEqual([{ text: 'seventy', value: 70 }]);
  });
});

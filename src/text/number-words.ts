/** @module Figures written as words ("sixteen", "twenty-five"), read as numbers. */

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Every single word that names a figure from 0 to 99 ("sixteen", "forty"), with its value. */
export const NUMBER_WORD_VALUES: ReadonlyMap<string, number> = new Map([
  ...UNITS.map((w, i): [string, number] => [w, i]),
  ...TENS.flatMap((w, i): Array<[string, number]> => (w ? [[w, i * 10]] : [])),
]);

/** Words that multiply the figure before them ("two hundred"). */
const MULTIPLIERS = ['hundred', 'thousand', 'million', 'billion'];

/** Words that scale or stand for a figure without being one ("two hundred", "half", "a dozen"). */
export const SCALE_WORDS: ReadonlyArray<string> = [...MULTIPLIERS, 'dozen', 'half'];

// Not before a multiplier: "two hundred" is not 2.
const NUMBER_WORD = new RegExp(`\\b(?:(${TENS.filter(Boolean).join('|')})(?:[-\\s](${UNITS.slice(1, 10).join('|')}))?|(${UNITS.join('|')}))\\b(?![-\\s]+(?:${MULTIPLIERS.join('|')})\\b)`, 'gi');

export interface NumberWord {
  /** As written ("Sixteen", "twenty-five"). */
  text: string;
  value: number;
}

/** The figures of 0 to 99 that `text` writes as words, in order. */
export function numberWords(text: string): NumberWord[] {
  const found: NumberWord[] = [];
  for (const m of text.matchAll(NUMBER_WORD)) {
    const [whole, tens, unit, single] = m;
    const value = single ? UNITS.indexOf(single.toLowerCase()) : TENS.indexOf((tens ?? '').toLowerCase()) * 10 + (unit ? UNITS.indexOf(unit.toLowerCase()) : 0);
    found.push({ text: whole, value });
  }
  return found;
}

/** @module Figures written as words ("sixteen", "twenty-five"), read as numbers. */

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const NUMBER_WORD = new RegExp(`\\b(?:(${TENS.filter(Boolean).join('|')})(?:[-\\s](${UNITS.slice(1, 10).join('|')}))?|(${UNITS.join('|')}))\\b`, 'gi');

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

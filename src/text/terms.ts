/** @module Turns text into search terms: tokens, stop words out, British/American spelling folded, Porter2 stems. */
import stem from 'wink-porter2-stemmer';

/** Function words that carry no topic; kept short so that words like "not" and "no" stay searchable. */
const STOP_WORDS = new Set(
  ('a an and are as at be been being but by can could did do does for from had has have how i if in into is it its ' +
    'me my of on or our so such than that the their them then there these they this those to was we were what when ' +
    'where which who whom why will with would you your according say says said many much')
    .split(' '),
);

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** Splits text into lower-case word tokens (letters and digits), keeping offsets out of it on purpose. */
export function tokenize(text: string): string[] {
  // "I'm", "we've", "they'll" are their pronoun: the ending is grammar, and "I'll" must not read as "ill".
  return (text.toLowerCase().match(TOKEN) ?? []).map((t) => t.replace(/['’](?:s|m|ve|re|ll|d)$/, '').replace(/['’]/g, ''));
}

/**
 * Folds British spellings onto American ones so "labour" finds "labor" and "organise" finds
 * "organize"; applied to documents and queries alike, so over-folding a rare word is harmless.
 */
export function foldSpelling(word: string): string {
  if (word.length > 4 && word.endsWith('our')) return `${word.slice(0, -3)}or`;
  // The stem before "-ise" must be long enough that every inflection of a word folds alike
  // ("rise"/"rising" never fold; "organise"/"organising" always do).
  if (/^\p{L}{3,}[^aeiou]is(e|ed|es|ing|ation|ations)$/u.test(word)) return word.replace(/is(e|ed|es|ing|ation|ations)$/, 'iz$1');
  if (word.length > 4 && /[^aeiou]tre[sd]?$/.test(word)) return word.replace(/tre([sd]?)$/, 'ter$1');
  return word;
}

/** Plurals no stemmer rule reaches: "children" must find "child", "people" must find "persons". */
const IRREGULAR = new Map([
  ['children', 'child'],
  ['women', 'woman'],
  ['men', 'man'],
  ['people', 'person'],
  ['peoples', 'person'],
]);

/** One token → its index term, or null for a stop word. */
export function toTerm(token: string): string | null {
  if (STOP_WORDS.has(token)) return null;
  if (/^\d/.test(token)) return token;
  return stem(foldSpelling(IRREGULAR.get(token) ?? token));
}

/** Text → index terms, in order, stop words removed. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    const term = toTerm(token);
    if (term) out.push(term);
  }
  return out;
}

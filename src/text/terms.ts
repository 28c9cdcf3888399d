/** @module Turns text into search terms: tokens, stop words out, British/American spelling folded, Porter2 stems. */
import stem from 'wink-porter2-stemmer';

/**
 * Function words that carry no topic: NLTK's English stop-word list without the negations (no, nor,
 * not: "not renewable" must stay searchable) and without "should" (a recommendation: "the government
 * should …"), plus the modal verbs of possibility, and "many", "much" and reporting verbs
 * ("according to", "say"), which frame a question rather than name its topic.
 */
const STOP_WORDS = new Set(
  ('i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself ' +
    'it its itself they them their theirs themselves what which who whom this that these those am is are was were be ' +
    'been being have has had having do does did doing a an the and but if or because as until while of at by for with ' +
    'about against between into through during before after above below to from up down in out on off over under again ' +
    'further then once here there when where why how all any both each few more most other some such only own same so ' +
    'than too very s t can will just don now would could may might shall ' +
    'according say says said many much')
    .split(' '),
);

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** The words of `text` as typed (case kept, an apostrophe ending attached: "don't", "Norway's"). */
export function wordsAsTyped(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Splits text into lower-case word tokens (letters and digits), keeping offsets out of it on purpose. */
export function tokenize(text: string): string[] {
  // A dotted acronym is one word ("U.S." is "us"), as a question types it.
  const joined = text.replace(/\b(?:\p{Lu}\.){2,}/gu, (m) => m.replace(/\./g, ''));
  // "I'm", "we've", "they'll" are their pronoun: the ending is grammar, and "I'll" must not read as "ill".
  return (joined.toLowerCase().match(TOKEN) ?? []).map((t) => t.replace(/['’](?:s|m|ve|re|ll|d)$/, '').replace(/['’]/g, ''));
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

/** Consecutive term pairs, as "a b": a phrase of a question found as a phrase in a passage. */
export function bigramsOf(termList: ReadonlyArray<string>): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < termList.length; i++) out.add(`${termList[i - 1]} ${termList[i]}`);
  return out;
}

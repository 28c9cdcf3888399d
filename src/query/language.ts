/**
 * @module Which language a question is written in: English, or Norwegian bokmål or nynorsk, by the
 * function words each language cannot do without (the documents are English; a Norwegian question
 * is read through the glossary and answered with Norwegian framing).
 */

export type Language = 'en' | 'nb' | 'nn';

/** Frequent words of each language that the other lacks (closed-class: articles, pronouns, auxiliaries, question words, conjunctions). */
/** "i" and "for" are words of both languages (Norwegian "i" is "in"): they tell nothing and count for neither. */
const ENGLISH = new Set('the and is are was were what how who when where why which can do does did my me you your of to in on with it this that be have has not there they'.split(' '));
const NORWEGIAN = new Set(
  ('og er det ikke ikkje jeg eg meg hva kva hvordan korleis hvem kven hvor kor når hvorfor kvifor hvilken hvilke kan har hun ho han de dei som på til av med fra frå en ei et min mitt mine vi oss dere hjelp blir vert skal vil må få noen nokon ' +
    'kvar flere fleire mange mye mykje ble blei vart var hadde være vere også òg eller bare berre etter før ved hos mellom nå hvis dersom viss enn slik sånn andre noe noko ingen ingenting denne dette disse desse sin sitt sine hennes hans deres deira seg sjølv selv')
    .split(' '),
);
/** Words only nynorsk writes so: they tell it from bokmål. */
const NYNORSK = new Set('ikkje eg kva korleis kven kor kvifor dei frå nokon vert ho berre mykje'.split(' '));

/**
 * How the content words of a text lean, for a text with no function word of either language
 * ("straff menneskehandel", "victim shelter"): above 0 Norwegian, below 0 English. Given by whoever
 * holds the word lists (see Translator.lean).
 */
export type VocabularyLean = (words: ReadonlyArray<string>) => number;

/**
 * The language of `text`, by which language's closed-class words it uses more; when it has none,
 * by its content words (`lean`); English when unsure.
 */
export function detectLanguage(text: string, lean?: VocabularyLean): Language {
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  let english = 0;
  let norwegian = 0;
  let nynorsk = 0;
  for (const w of words) {
    if (ENGLISH.has(w)) english++;
    if (NORWEGIAN.has(w)) norwegian++;
    if (NYNORSK.has(w)) nynorsk++;
  }
  // Letters only Norwegian (and Danish) write tip a tie: "hjelp på krisesenter" has few function words.
  if (/[æøå]/i.test(text)) norwegian += 1;
  if (norwegian === 0 && english === 0 && lean && lean(words) > 0) return 'nb';
  if (norwegian <= english) return 'en';
  return nynorsk > 0 ? 'nn' : 'nb';
}

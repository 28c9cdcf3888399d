/**
 * @module The Norwegian–English word lists this project ships: its own glossary (glossary.json,
 * written for it, CC0), the loan-word spelling rules (cognates.json, CC0), and a general dictionary
 * for the words the glossary lacks (dictionary.json, from FreeDict/Wiktionary, CC BY-SA 3.0).
 */
import { Translator, type Cognates, type Dictionary, type Glossary } from './translate.ts';
import glossary from './glossary.json' with { type: 'json' };
import cognates from './cognates.json' with { type: 'json' };
import dictionary from './dictionary.json' with { type: 'json' };

/** `knows`: whether the documents use an English word (loan words and dictionary senses are chosen by it). */
export function shippedTranslator(knows?: (englishWord: string) => boolean): Translator {
  return new Translator(glossary as Glossary, { cognates: cognates as unknown as Cognates, dictionary: dictionary as Dictionary, ...(knows ? { knows } : {}) });
}

/** @module The Norwegian–English glossary this project ships (glossary.json: written for it, CC0), with the loan-word spelling rules (cognates.json, CC0). */
import { Translator, type Cognates, type Glossary } from './translate.ts';
import glossary from './glossary.json' with { type: 'json' };
import cognates from './cognates.json' with { type: 'json' };

/** `knows`: whether the documents use an English word (loan words are read only as such words). */
export function shippedTranslator(knows?: (englishWord: string) => boolean): Translator {
  return new Translator(glossary as Glossary, { cognates: cognates as unknown as Cognates, ...(knows ? { knows } : {}) });
}

/** @module The Norwegian–English glossary this project ships (glossary.json: written for it, CC0). */
import { Translator, type Glossary } from './translate.ts';
import glossary from './glossary.json' with { type: 'json' };

export function shippedTranslator(): Translator {
  return new Translator(glossary as Glossary);
}

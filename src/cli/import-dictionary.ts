/**
 * @module Turns FreeDict's English–Norwegian dictionary (WikDict, from Wiktionary; CC BY-SA 3.0) into
 * src/query/dictionary.json, a Norwegian → English word list the translator falls back on for words
 * the project's own glossary lacks. Run once by hand when the dictionary is updated:
 *
 *   apt-get download dict-freedict-eng-nor && dpkg-deb -x dict-freedict-eng-nor_*.deb fd
 *   zcat fd/usr/share/dictd/freedict-eng-nor.dict.dz > eng-nor.txt
 *   npx tsx src/cli/import-dictionary.ts eng-nor.txt fd/usr/share/dictd/freedict-eng-nor.index
 *
 * The file is read whole and filtered by general rules only; no entry is added or removed by hand.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { MIN_DICTIONARY_WORD, type Dictionary } from '../query/translate.ts';

const [dictFile, indexFile, output = 'src/query/dictionary.json'] = process.argv.slice(2);
if (!dictFile || !indexFile) {
  console.error('usage: tsx src/cli/import-dictionary.ts <freedict-eng-nor.txt> <freedict-eng-nor.index> [output.json]');
  process.exit(2);
}

/** An entry's first line: the English headword, then its pronunciations and part of speech, if any. */
const HEADWORD = /^([^/<]+?)\s*(?:\/.*?)?\s*(?:<([a-z ]+)>)?$/;
/** A sense's translations: "2. rygg, bak". */
const NUMBERED = /^\s*\d+\.\s+(.*)$/;
/** Parts of speech that are no words of a question (affixes, symbols, whole proverbs). */
const SKIPPED_KINDS = new Set(['suffix', 'prefix', 'symbol', 'proverb']);
/** English senses of three words at most ("human trafficking"): longer ones are glosses, not translations. */
const MAX_ENGLISH_WORDS = 3;
/** English candidates kept per Norwegian word, best ranked first; the translator searches at most two of them (see translate.ts). */
const MAX_CANDIDATES = 4;
/** A translation's rank: its place in its sense's list first, then the sense's number (no entry has this many senses). */
const SENSES_PER_PLACE = 1000;

/** One Norwegian word the translator can look up: letters only, as long as it looks words up. */
const NORWEGIAN = /^[a-zæøåéèêóòôâü]+$/;
const ENGLISH = /^[a-z]+(?:[ '-][a-z]+)*$/;

/** dictd's index numbers: base64 digits, most significant first. */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const decode = (digits: string): number => [...digits].reduce((n, d) => n * 64 + B64.indexOf(d), 0);

const dict = await readFile(dictFile);
const entries = (await readFile(indexFile, 'utf8'))
  .split('\n')
  .filter((line) => line && !line.startsWith('00database'))
  .map((line) => {
    const [, offset = '', length = ''] = line.split('\t');
    return dict.subarray(decode(offset), decode(offset) + decode(length)).toString('utf8').split('\n');
  });

/** Norwegian → English candidates with their rank. */
const found = new Map<string, Array<{ english: string; rank: number }>>();
let read = 0;
for (const [head = '', ...body] of entries) {
  const parsed = HEADWORD.exec(head.trim());
  const english = (parsed?.[1] ?? '').trim().toLowerCase();
  if (!parsed || SKIPPED_KINDS.has(parsed[2] ?? '') || !ENGLISH.test(english) || english.split(' ').length > MAX_ENGLISH_WORDS) continue;
  read++;
  // The line after the headword holds its translations, and so does every numbered sense; the
  // other lines are English glosses.
  let sense = 0;
  body.forEach((line, i) => {
    const numbered = NUMBERED.exec(line);
    if (i > 0 && !numbered) return;
    const translations = (numbered?.[1] ?? line).replace(/\s*\d+\.\s*$/, '').split(',');
    translations.forEach((raw, place) => {
      const norwegian = raw.trim().toLowerCase();
      if (norwegian.length < MIN_DICTIONARY_WORD || !NORWEGIAN.test(norwegian)) return;
      const list = found.get(norwegian) ?? [];
      list.push({ english, rank: place * SENSES_PER_PLACE + sense });
      found.set(norwegian, list);
    });
    sense++;
  });
}

const words: Record<string, string[]> = {};
for (const [norwegian, list] of [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  words[norwegian] = [...new Set(list.sort((a, b) => a.rank - b.rank).map((c) => c.english))].slice(0, MAX_CANDIDATES);
}

const dictionary: Dictionary = {
  source: 'FreeDict English–Norwegian (WikDict edition 2022.11.18, from Wiktionary via DBnary; Debian package dict-freedict-eng-nor 2022.12.07), inverted to Norwegian → English by src/cli/import-dictionary.ts',
  licence: 'Creative Commons Attribution-ShareAlike 3.0 Unported, https://creativecommons.org/licenses/by-sa/3.0/ (FreeDict contributors, WikDict, Wiktionary contributors); this file is shared under the same licence',
  entries: words,
};
// One entry a line, so a later import shows as a readable diff.
await writeFile(output, `${JSON.stringify(dictionary).replace(/\],"/g, '],\n"')}\n`);
console.log(`${read} English headwords → ${Object.keys(words).length} Norwegian entries in ${output}`);

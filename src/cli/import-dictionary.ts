/**
 * @module Turns FreeDict's English–Norwegian dictionary (WikDict, from Wiktionary; CC BY-SA 3.0) into
 * src/query/dictionary.json, a Norwegian → English word list the translator falls back on for words
 * the project's own glossary lacks. Run once by hand when the dictionary is updated:
 *
 *   apt-get download dict-freedict-eng-nor && dpkg-deb -x dict-freedict-eng-nor_*.deb fd
 *   zcat fd/usr/share/dictd/freedict-eng-nor.dict.dz > eng-nor.txt
 *   npx tsx src/cli/import-dictionary.ts eng-nor.txt
 *
 * The file is read whole and filtered by general rules only (single words and short phrases,
 * letters only); no entry is added or removed by hand.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Dictionary } from '../query/translate.ts';

const [input, output = 'src/query/dictionary.json'] = process.argv.slice(2);
if (!input) {
  console.error('usage: tsx src/cli/import-dictionary.ts <freedict-eng-nor.txt> [output.json]');
  process.exit(2);
}

/** An entry's first line: the English headword, its pronunciations, its part of speech. */
const HEADWORD = /^(\S[^/<]*?)\s*(?:\/.*)?<([a-z ]+)>$/;
/** A sense's translations: "2. rygg, bak". */
const NUMBERED = /^\s*\d+\.\s+(.*)$/;
/** Parts of speech that are no words of a question (affixes, symbols, whole proverbs). */
const SKIPPED_KINDS = new Set(['suffix', 'prefix', 'symbol', 'proverb']);
/** Phrases of at most three words: the translator looks phrases up with at most three. */
const MAX_WORDS = 3;
/** English candidates kept per Norwegian word, best ranked first; the translator chooses among them. */
const MAX_CANDIDATES = 4;

const isPhrase = (text: string, letters: RegExp): boolean => letters.test(text) && text.split(' ').length <= MAX_WORDS;
const NORWEGIAN = /^[a-zæøåéèêóòôâü]+(?:[ -][a-zæøåéèêóòôâü]+)*$/;
const ENGLISH = /^[a-z]+(?:[ '-][a-z]+)*$/;

const lines = (await readFile(input, 'utf8')).split('\n');
/** Norwegian → English candidates with their rank (position in the translation list, then sense). */
const found = new Map<string, Array<{ english: string; rank: number }>>();
let entry: { english: string; senseLines: number } | null = null;
let read = 0;
for (const line of lines) {
  const head = HEADWORD.exec(line);
  if (head) {
    const english = (head[1] ?? '').trim().toLowerCase();
    entry = SKIPPED_KINDS.has(head[2] ?? '') || !isPhrase(english, ENGLISH) ? null : { english, senseLines: 0 };
    read++;
    continue;
  }
  if (!entry) continue;
  // The line after the headword holds its translations, and so does every numbered sense; the
  // other lines are English glosses.
  const numbered = NUMBERED.exec(line);
  if (entry.senseLines > 0 && !numbered) continue;
  const sense = entry.senseLines++;
  const translations = (numbered?.[1] ?? line).replace(/\s*\d+\.\s*$/, '').split(',');
  translations.forEach((raw, position) => {
    const norwegian = raw.trim().toLowerCase();
    if (!isPhrase(norwegian, NORWEGIAN) || !entry) return;
    const list = found.get(norwegian) ?? [];
    list.push({ english: entry.english, rank: position * 100 + sense });
    found.set(norwegian, list);
  });
}

const entries: Record<string, string[]> = {};
for (const [norwegian, list] of [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  entries[norwegian] = [...new Set(list.sort((a, b) => a.rank - b.rank).map((c) => c.english))].slice(0, MAX_CANDIDATES);
}

const dictionary: Dictionary = {
  source: 'FreeDict English–Norwegian (WikDict edition 2022.11.18, from Wiktionary via DBnary; Debian package dict-freedict-eng-nor 2022.12.07), inverted to Norwegian → English by src/cli/import-dictionary.ts',
  licence: 'Creative Commons Attribution-ShareAlike 3.0 Unported, https://creativecommons.org/licenses/by-sa/3.0/ (FreeDict contributors, WikDict, Wiktionary contributors); this file is shared under the same licence',
  entries,
};
// One entry a line, so a later import shows as a readable diff.
await writeFile(output, `${JSON.stringify(dictionary).replace(/\],"/g, '],\n"')}\n`);
console.log(`${read} English headwords → ${Object.keys(entries).length} Norwegian entries in ${output}`);

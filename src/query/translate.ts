/**
 * @module Norwegian questions turned into English search words through a glossary (data, see
 * glossary.json): the documents are English, and offline there is no model to translate.
 */
import { detectLanguage, type Language } from './language.ts';

/** Norwegian word endings and the English ones they regularly become in loan words ("definisjon" → "definition"). */
export interface Cognates {
  source: string;
  licence: string;
  /** [Norwegian ending, English ending]; the longest Norwegian ending that fits is tried first. */
  endings: ReadonlyArray<readonly [string, string]>;
}

export interface Glossary {
  /** Where the glossary comes from, and under what licence. */
  source: string;
  licence: string;
  /** Norwegian word form or phrase (lower case) → English words. */
  entries: Record<string, string>;
  /**
   * Adverb particles that Norwegian fuses onto verbs and nouns with a meaning of their own
   * ("opprette" is "establish", not "up" + "right"; "etterforskning" is "investigation"): a compound
   * is never read as one of these plus a word, since the literal reading would search for the wrong words.
   */
  particles?: ReadonlyArray<string>;
}

/**
 * A general bilingual dictionary (see dictionary.json), consulted for words the glossary lacks: each
 * Norwegian form with its English candidates, the likeliest sense first.
 */
export interface Dictionary {
  source: string;
  licence: string;
  entries: Record<string, ReadonlyArray<string>>;
}

/**
 * The shortest word looked up in the dictionary: Norwegian's short words are mostly function words,
 * which the glossary covers, and a dictionary reads them as rare senses ("å" → "river"); set by
 * hand, not tuned.
 */
export const MIN_DICTIONARY_WORD = 4;

/**
 * English senses a dictionary word is searched as, of those the documents use: two, set by hand
 * (a second sense covers a near synonym, "difference distinction"; more would flood the query).
 */
const MAX_SENSES = 2;

/** The longest phrase, in words, the glossary is looked up with: its longest entries ("nå for tiden", "kva for ein") have three. */
const MAX_PHRASE = 3;

/**
 * Endings a Norwegian noun or verb may carry (definite, plural, past), tried when a form is not in
 * the glossary itself: "krisesenteret" → "krisesenter".
 */
const ENDINGS = ['ene', 'ane', 'ende', 'et', 'en', 'er', 'ar', 'te', 'de', 'a', 'e', 'r'];

/** The shortest part of a compound the glossary is asked for (shorter parts match by accident); set by hand, not tuned. */
const MIN_PART = 3;

/** The shortest word read as a loan word (shorter ones match English words by accident); set by hand, not tuned. */
const MIN_COGNATE = 6;

/**
 * Quotation marks a question may put around a term it has seen: «…», “…”, "…", '…'; a mark inside
 * a word ("UDI's") is an apostrophe, not a quote.
 */
const QUOTED = /(?<![\p{L}\p{N}])[«“"'‘]([^»”"'’]{2,60})[»”"'’](?![\p{L}\p{N}])/gu;

/**
 * Whether a word of a Norwegian question the word lists do not know is kept for the search: a name
 * or acronym (a capital) or a figure. Other words are dropped, even those the corpus has: the plan
 * cites Norwegian titles ("En kartlegging av kvinner …"), which an untranslated word would find.
 */
export function keepUntranslated(word: string): boolean {
  return /\p{Lu}|\d/u.test(word);
}

export interface TranslatorOptions {
  cognates?: Cognates;
  dictionary?: Dictionary;
  /** Whether the documents use an English word: a loan word is read only as one they use. */
  knows?: (englishWord: string) => boolean;
}

/** A word with a capital first letter and the rest in lower case ("Danmark", "Barnehus"). */
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;
/** A token that ends a sentence (translateWords keeps these as tokens of their own). */
const SENTENCE_END = /^[?!.]$/;

export class Translator {
  private readonly entries: ReadonlyMap<string, string>;
  private readonly dictionary: ReadonlyMap<string, ReadonlyArray<string>>;
  private readonly particles: ReadonlySet<string>;
  private readonly endings: ReadonlyArray<readonly [string, string]>;
  private readonly knows: (englishWord: string) => boolean;
  /** Every English word of the word lists' senses, built on first use (only `lean` needs it). */
  private english: ReadonlySet<string> | undefined;

  constructor(glossary: Glossary, options: TranslatorOptions = {}) {
    this.entries = new Map(Object.entries(glossary.entries));
    this.dictionary = new Map(Object.entries(options.dictionary?.entries ?? {}));
    this.particles = new Set(glossary.particles ?? []);
    this.endings = [...(options.cognates?.endings ?? [])].sort((a, b) => b[0].length - a[0].length);
    this.knows = options.knows ?? (() => false);
  }

  /**
   * A word form's English, trying it as written, then without a Norwegian ending, as the bare stem or
   * with the infinitive's or participle's ending ("identifiserte" → "identifiser" → "identifisere").
   */
  private lookup(word: string): string | undefined {
    return this.inflected(word) ?? this.cognate(word) ?? this.inflected(word, (form) => this.fromDictionary(form)) ?? this.compound(word);
  }

  /**
   * A dictionary word's English: of its senses, those the documents use (a question about the plan
   * means "plan", not "plane"). A word none of whose senses they use is not read at all: its first
   * sense is often the wrong one. A sense with a stop word in it ("a lot") never counts as used.
   */
  private fromDictionary(form: string): string | undefined {
    const senses = form.length >= MIN_DICTIONARY_WORD ? this.dictionary.get(form) : undefined;
    if (!senses?.length) return undefined;
    const used = senses.filter((sense) => sense.split(/[ '-]/).every((w) => this.knows(w)));
    return used.length ? used.slice(0, MAX_SENSES).join(' ') : undefined;
  }

  /**
   * A loan word the glossary lacks, read through the regular spelling correspondences
   * ("definisjon" → "definition", "amerikanske" → "american", "kontakt" → "contact"), as written or
   * without an inflectional ending; only an English word the documents use counts.
   */
  private cognate(word: string): string | undefined {
    if (word.length < MIN_COGNATE || !this.endings.length) return undefined;
    const stems = [word, ...ENDINGS.filter((e) => word.endsWith(e) && word.length - e.length >= MIN_COGNATE - 1).map((e) => word.slice(0, -e.length))];
    for (const stem of stems) {
      for (const [norwegian, english] of this.endings) {
        if (!stem.endsWith(norwegian)) continue;
        const base = `${stem.slice(0, stem.length - norwegian.length)}${english}`;
        for (const candidate of [base, base.replace(/k/g, 'c')]) if (candidate !== word && this.knows(candidate)) return candidate;
      }
    }
    return undefined;
  }

  /** A form's English from the glossary, else from the dictionary. */
  private anyList(form: string): string | undefined {
    return this.entries.get(form) ?? this.fromDictionary(form);
  }

  /** The word as written or without an ending, in the glossary or another word list. */
  private inflected(word: string, find: (form: string) => string | undefined = (form) => this.entries.get(form)): string | undefined {
    const direct = find(word);
    if (direct !== undefined) return direct;
    for (const ending of ENDINGS) {
      if (word.length <= ending.length + 2 || !word.endsWith(ending)) continue;
      const stem = word.slice(0, -ending.length);
      for (const form of [stem, `${stem}e`, `${stem}t`]) {
        const english = find(form);
        if (english !== undefined) return english;
      }
    }
    return undefined;
  }

  /**
   * A compound the glossary lacks, as two words it has ("hovedmålene" → "hoved" + "målene"), the
   * joining "s" or "e" allowed ("arbeidsutnyttelse" → "arbeid" + "utnyttelse"); the longest first
   * part wins. Norwegian writes compounds as one word, so no glossary can list them all.
   */
  private compound(word: string): string | undefined {
    for (let cut = word.length - MIN_PART; cut >= MIN_PART; cut--) {
      const head = word.slice(0, cut);
      const tail = this.inflected(word.slice(cut), (form) => this.anyList(form));
      if (tail === undefined) continue;
      for (const first of [head, head.replace(/[se]$/, '')]) {
        const english = first.length >= MIN_PART && !this.particles.has(first) ? this.anyList(first) : undefined;
        if (english !== undefined) return [english, tail].filter(Boolean).join(' ');
      }
    }
    return undefined;
  }

  /**
   * How far `words` (lower case) lean Norwegian: one for each word the Norwegian word lists have (as
   * written, inflected or as a compound) that is no English word, less one for each English word they
   * lack. English words are the glossary's and the dictionary's English senses (not the documents'
   * words: the plan quotes Norwegian titles, so some Norwegian words are among those).
   */
  lean(words: ReadonlyArray<string>): number {
    this.english ??= new Set([...this.entries.values(), ...[...this.dictionary.values()].flat()].flatMap((sense) => sense.split(/[ '-]/)));
    const english = this.english;
    const listed = (form: string): string | undefined => (this.entries.has(form) || this.dictionary.has(form) ? '' : undefined);
    let lean = 0;
    for (const word of words) {
      const isEnglish = english.has(word);
      const isNorwegian = this.inflected(word, listed) !== undefined || this.compound(word) !== undefined;
      if (isNorwegian && !isEnglish) lean++;
      if (isEnglish && !isNorwegian) lean--;
    }
    return lean;
  }

  /** The language of `text`; one without function words is judged by these word lists (`lean`). */
  languageOf(text: string): Language {
    return detectLanguage(text, (words) => this.lean(words));
  }

  /** `text` in English search words: as it is when it reads as English, else translated. */
  inEnglish(text: string): string {
    return !text || this.languageOf(text) === 'en' ? text : this.translate(text, keepUntranslated);
  }

  /**
   * The question in English search words: the longest glossary phrases first. A word the glossary does
   * not know is kept when `keep` says so (names, numbers, acronyms and loan words need no translation)
   * and dropped otherwise: an untranslated Norwegian word would be searched for as a word the English
   * documents never use.
   */
  translate(text: string, keep: (word: string) => boolean = () => true): string {
    // A quoted term is one the asker has seen, perhaps in the documents themselves ("«Barnehus»"):
    // it is searched as written too, beside its translation.
    const quoted = [...text.matchAll(QUOTED)].map((m) => m[1] ?? '');
    const translated = this.translateWords(text, keep);
    return quoted.length ? `${translated} ${quoted.join(' ')}` : translated;
  }

  /**
   * A capitalised word inside a sentence (not its first word) that the glossary does not list and the
   * documents use as written is a name they use ("Barnehus"): searched as it is, not split as a compound.
   */
  private isDocumentsName(word: string, opensSentence: boolean): boolean {
    if (opensSentence || !CAPITALISED.test(word)) return false;
    const lower = word.toLowerCase();
    return this.inflected(lower) === undefined && this.knows(lower);
  }

  private translateWords(text: string, keep: (word: string) => boolean): string {
    // Hyphens join a figure to a word ("2025-rapporten"): each side is read on its own.
    const words = text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[?!.]/gu) ?? [];
    // A word in capitals is an acronym ("KOM", "NAV"), not the Norwegian word it spells ("kom",
    // came): kept as written, the documents define their acronyms. Unless the text is shouted: two
    // words or more, none in lower case ("HJELP MEG"); set by hand, not tuned: a lone word in
    // capitals is far likelier an acronym than a shout.
    const acronyms = /\p{Ll}/u.test(text) || words.filter((w) => /\p{L}/u.test(w)).length < 2;
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      const word = words[i] ?? '';
      if ((acronyms && /^\p{Lu}{2,}$/u.test(word)) || this.isDocumentsName(word, i === 0 || SENTENCE_END.test(words[i - 1] ?? ''))) {
        out.push(word);
        i++;
        continue;
      }
      let matched = false;
      for (let n = Math.min(MAX_PHRASE, words.length - i); n >= 1 && !matched; n--) {
        const phrase = words.slice(i, i + n).join(' ').toLowerCase();
        const english = n === 1 ? this.lookup(phrase) : this.entries.get(phrase);
        if (english === undefined) continue;
        // A capital carries over ("Danmark" → "Denmark"): inside a sentence it marks a name, which
        // the answer check holds the documents to, as it does in English.
        if (english) out.push(CAPITALISED.test(words[i] ?? '') ? `${english.charAt(0).toUpperCase()}${english.slice(1)}` : english);
        i += n;
        matched = true;
      }
      if (!matched) {
        const word = words[i++] ?? '';
        if (SENTENCE_END.test(word) || keep(word)) out.push(word);
      }
    }
    return out.join(' ').replace(/ ([?!.])/g, '$1');
  }
}

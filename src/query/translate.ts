/**
 * @module Norwegian questions turned into English search words through a glossary (data, see
 * glossary.json): the documents are English, and offline there is no model to translate.
 */

export interface Glossary {
  /** Where the glossary comes from, and under what licence. */
  source: string;
  licence: string;
  /** Norwegian word form or phrase (lower case) → English words. */
  entries: Record<string, string>;
}

/** The longest phrase, in words, the glossary is looked up with: its longest entries ("nå for tiden", "kva for ein") have three. */
const MAX_PHRASE = 3;

/**
 * Endings a Norwegian noun or verb may carry (definite, plural, past), tried when a form is not in
 * the glossary itself: "krisesenteret" → "krisesenter".
 */
const ENDINGS = ['ene', 'ane', 'ende', 'et', 'en', 'er', 'ar', 'te', 'de', 'a', 'e', 'r'];

/** The shortest part of a compound the glossary is asked for (shorter parts match by accident); set by hand, not tuned. */
const MIN_PART = 3;

export class Translator {
  private readonly entries: ReadonlyMap<string, string>;

  constructor(glossary: Glossary) {
    this.entries = new Map(Object.entries(glossary.entries));
  }

  /**
   * A word form's English, trying it as written, then without a Norwegian ending, as the bare stem or
   * with the infinitive's or participle's ending ("identifiserte" → "identifiser" → "identifisere").
   */
  private lookup(word: string): string | undefined {
    return this.inflected(word) ?? this.compound(word);
  }

  /** The word as written or without an ending. */
  private inflected(word: string): string | undefined {
    const direct = this.entries.get(word);
    if (direct !== undefined) return direct;
    for (const ending of ENDINGS) {
      if (word.length <= ending.length + 2 || !word.endsWith(ending)) continue;
      const stem = word.slice(0, -ending.length);
      for (const form of [stem, `${stem}e`, `${stem}t`]) {
        const english = this.entries.get(form);
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
      const tail = this.inflected(word.slice(cut));
      if (tail === undefined) continue;
      for (const first of [head, head.replace(/[se]$/, '')]) {
        const english = first.length >= MIN_PART ? this.entries.get(first) : undefined;
        if (english !== undefined) return [english, tail].filter(Boolean).join(' ');
      }
    }
    return undefined;
  }

  /**
   * The question in English search words: the longest glossary phrases first. A word the glossary does
   * not know is kept when `keep` says so (names, numbers, acronyms and loan words need no translation)
   * and dropped otherwise: an untranslated Norwegian word would be searched for as a word the English
   * documents never use.
   */
  translate(text: string, keep: (word: string) => boolean = () => true): string {
    // Hyphens join a figure to a word ("2025-rapporten"): each side is read on its own.
    const words = text.match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[?!.]/gu) ?? [];
    const out: string[] = [];
    for (let i = 0; i < words.length; ) {
      let matched = false;
      for (let n = Math.min(MAX_PHRASE, words.length - i); n >= 1 && !matched; n--) {
        const phrase = words.slice(i, i + n).join(' ').toLowerCase();
        const english = n === 1 ? this.lookup(phrase) : this.entries.get(phrase);
        if (english === undefined) continue;
        if (english) out.push(english);
        i += n;
        matched = true;
      }
      if (!matched) {
        const word = words[i++] ?? '';
        if (/^[?!.]$/.test(word) || keep(word)) out.push(word);
      }
    }
    return out.join(' ').replace(/ ([?!.])/g, '$1');
  }
}

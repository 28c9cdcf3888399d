/** @module Acronyms the documents define themselves: "the Coordination Unit for Victims of Trafficking (KOM)". */

export interface Acronym {
  /** As written: "KOM". */
  short: string;
  /** The name it stands for, as written: "Coordination Unit for Victims of Trafficking". */
  long: string;
}

/** Words that may sit inside a name without a capital ("Ministry of Justice and the Police"). */
const JOINERS = new Set(['of', 'for', 'and', 'the', 'in', 'on', 'to', 'against', 'de', 'du', 'la']);
/** The most words a name may have; longer runs of capitals are headings, not names. */
const MAX_NAME_WORDS = 10;

/** The capitalised run of words (joiners allowed inside) that ends just before `end`. */
function nameBefore(text: string, end: number): string[] {
  const words = text.slice(Math.max(0, end - 160), end).trimEnd().split(/\s+/).map((w) => w.replace(/^[("“‘]+|[,;:"”’]+$/g, ''));
  const name: string[] = [];
  for (let i = words.length - 1; i >= 0 && name.length < MAX_NAME_WORDS; i--) {
    const word = words[i] ?? '';
    const lower = word.toLowerCase();
    // "the" belongs to a name only after a joiner ("Ministry of Justice and the Police"); after any
    // other word it starts the name's sentence ("… and Equality the Institute for …").
    if (lower === 'the' && !JOINERS.has((words[i - 1] ?? '').toLowerCase())) break;
    if (/^\p{Lu}/u.test(word) || (JOINERS.has(lower) && name.length)) name.unshift(word);
    else break;
  }
  while (name.length && JOINERS.has((name[0] ?? '').toLowerCase())) name.shift();
  return name;
}

/**
 * The part of `words` an acronym abbreviates: the longest tail that starts with a capitalised word
 * whose initial is the acronym's first letter and whose initials hold all its letters in order
 * ("Ministry of Justice and Public Security" for MOJ). A name in another language than its acronym
 * ("KOM") matches no tail and is taken whole.
 */
function abbreviated(words: ReadonlyArray<string>, short: string): string[] {
  const letters = short.toLowerCase();
  for (let from = 0; from < words.length; from++) {
    const tail = words.slice(from);
    if (!/^\p{Lu}/u.test(tail[0] ?? '') || (tail[0] ?? '')[0]?.toLowerCase() !== letters[0]) continue;
    let at = 0;
    for (const word of tail) if (word[0]?.toLowerCase() === letters[at]) at++;
    if (at >= letters.length) return tail;
  }
  return [...words];
}

/**
 * Every "Name (ACR)" and "ACR (Name)" in `text`: an acronym of 2–6 capitals (a final lower-case letter
 * allowed: "Fafo") beside the capitalised name it abbreviates. Names in another language than their
 * acronym ("KOM") are taken as the capitalised run before the bracket.
 */
export function findAcronyms(text: string): Acronym[] {
  const found = new Map<string, Acronym>();
  for (const m of text.matchAll(/\((\p{Lu}[\p{Lu}\p{Ll}]{1,5})\)/gu)) {
    const short = m[1] ?? '';
    if (!/^\p{Lu}{2,}\p{Ll}{0,3}$/u.test(short) && !/^\p{Lu}\p{Ll}+$/u.test(short)) continue;
    const words = abbreviated(nameBefore(text, m.index), short);
    if (words.length >= 2 && !found.has(short)) found.set(short, { short, long: words.join(' ') });
  }
  for (const m of text.matchAll(/\b(\p{Lu}{2,6})\s+\(([^()]{8,100})\)/gu)) {
    const short = m[1] ?? '';
    const long = (m[2] ?? '').trim();
    // "(external website)" and "($1.41 million)" are no names.
    if (!/^\p{Lu}/u.test(long) || found.has(short)) continue;
    found.set(short, { short, long });
  }
  return [...found.values()];
}

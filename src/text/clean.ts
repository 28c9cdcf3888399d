/** @module Cleans verbatim PDF/web text for indexing and embedding; never used for what is shown or cited. */

/**
 * Joins wrapped lines, re-joins words hyphenated across a line break, drops footnote markers glued to
 * words ("relative1" → "relative", "132a6" → "132a") and collapses white space.
 */
export function cleanText(raw: string): string {
  return raw
    .replace(/(\p{L})-[ \t]*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/(\p{Ll})\d{1,2}(?=[\s.,;:)]|$)/gu, '$1')
    .replace(/[*_#]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Letters and digits only, lower-cased: for comparing a title with text however it is spaced or punctuated. */
export function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The verbatim text of `[start, end)` with the `holes` (tagged blocks inside it) cut out. */
export function sliceWithout(text: string, start: number, end: number, holes: ReadonlyArray<{ start: number; end: number }>): string {
  let out = '';
  let pos = start;
  for (const hole of holes) {
    if (hole.end <= pos || hole.start >= end) continue;
    out += text.slice(pos, Math.max(pos, hole.start));
    pos = Math.max(pos, hole.end);
  }
  return out + text.slice(pos, end);
}

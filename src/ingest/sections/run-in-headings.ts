/** @module Unnumbered sub-headings printed on their own line inside a numbered sub-section (`Prostitution`, `Forced labour`). */
import type { Draft } from './draft.ts';
import { endsSentence, isBlank, prevContent, startsUpper, wordCount, type Line } from './lines.ts';

const MAX_CHARS = 40;
const MAX_WORDS = 6;
const MIN_NEXT_CHARS = 40;

/**
 * A short capitalised line without digits or final punctuation, after a finished sentence (or right under
 * the sub-section title) and directly followed by a full-width line of prose. Runs only inside numbered
 * sub-sections, where such a line cannot be a chapter heading, and never on lines `skip` claims.
 */
export function runInDrafts(lines: ReadonlyArray<Line>, parents: ReadonlyArray<Draft & { headEnd: number }>, skip: (i: number) => boolean): Draft[] {
  const drafts: Draft[] = [];
  for (const parent of parents) {
    const found: number[] = [];
    for (let i = parent.headEnd + 1; i <= parent.to; i++) if (isRunIn(lines, i, parent.headEnd, skip)) found.push(i);
    found.forEach((line, k) => {
      const next = found[k + 1];
      const to = next === undefined ? parent.to : next - 1;
      drafts.push({ kind: 'heading', title: lines[line]?.trimmed ?? '', from: line, to, level: (parent.level ?? 1) + 1 });
    });
  }
  return drafts;
}

function isRunIn(lines: ReadonlyArray<Line>, i: number, headEnd: number, skip: (i: number) => boolean): boolean {
  const t = lines[i]?.trimmed ?? '';
  const next = lines[i + 1];
  if (skip(i) || t.length === 0 || t.length > MAX_CHARS || wordCount(t) > MAX_WORDS) return false;
  if (!startsUpper(t) || /\d/u.test(t) || /[.,;:!?]$/u.test(t)) return false;
  if (!next || isBlank(next) || skip(i + 1) || !startsUpper(next.trimmed) || next.trimmed.length < MIN_NEXT_CHARS) return false;
  const before = prevContent(lines, i);
  return before <= headEnd || (!skip(before) && endsSentence(lines[before]?.trimmed ?? ''));
}

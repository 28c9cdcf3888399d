/** @module Text no heading claims: the document title line, a foreword, bylines, and any untitled stretch. */
import type { Draft } from './draft.ts';
import { endsLikeText, isBlank, type Line } from './lines.ts';

const MAX_TITLE_CHARS = 81;
const PROSE_MIN_CHARS = 300;
const PROSE_MIN_SENTENCES = 3;

/**
 * Covers every stretch of lines outside the top-level drafts. At the top of the document a short first line
 * followed by a blank line is the title. Text right after a title is a `Foreword` preamble when it is long
 * prose, otherwise (a date, a byline) it joins the title section. Any other uncovered stretch becomes a
 * preamble: `Foreword` for leading prose, `Preamble` otherwise. Returns the new drafts; a title draft in
 * `top` that absorbs a byline is extended in place.
 */
export function frontDrafts(lines: ReadonlyArray<Line>, top: Draft[]): Draft[] {
  const covered = new Array<boolean>(lines.length).fill(false);
  for (const d of top) for (let i = d.from; i <= d.to; i++) covered[i] = true;
  const firstTop = Math.min(...top.map((d) => d.from));
  const added: Draft[] = [];
  for (const run of uncoveredRuns(lines, covered)) {
    const before = [...top, ...added].filter((d) => d.to < run.from).sort((a, b) => b.to - a.to)[0];
    let from = run.from;
    if (!before && isTitleLine(lines, from)) {
      added.push({ kind: 'title', title: lines[from]?.trimmed ?? '', from, to: from, level: 1 });
      from = firstContentAfter(lines, from, run.to);
      if (from === -1) continue;
    }
    const previous = [...top, ...added].filter((d) => d.to < from).sort((a, b) => b.to - a.to)[0];
    const prose = isLongProse(lines, from, run.to);
    if (previous?.kind === 'title' && !prose) {
      previous.to = run.to;
      continue;
    }
    const leading = from < firstTop;
    added.push({ kind: 'preamble', title: prose && leading ? 'Foreword' : 'Preamble', from, to: run.to, level: 1 });
  }
  return added;
}

function uncoveredRuns(lines: ReadonlyArray<Line>, covered: ReadonlyArray<boolean>): Array<{ from: number; to: number }> {
  const runs: Array<{ from: number; to: number }> = [];
  let open = -1;
  let lastContent = -1;
  for (let i = 0; i <= lines.length; i++) {
    const free = i < lines.length && !covered[i];
    if (free && !isBlank(lines[i])) {
      if (open === -1) open = i;
      lastContent = i;
    }
    if (!free && open !== -1) {
      runs.push({ from: open, to: lastContent });
      open = -1;
    }
  }
  return runs;
}

function isTitleLine(lines: ReadonlyArray<Line>, i: number): boolean {
  const t = lines[i]?.trimmed ?? '';
  return t.length <= MAX_TITLE_CHARS && /^[\p{Lu}\d]/u.test(t) && !endsLikeText(t) && isBlank(lines[i + 1]);
}

function firstContentAfter(lines: ReadonlyArray<Line>, i: number, to: number): number {
  for (let j = i + 1; j <= to; j++) if (!isBlank(lines[j])) return j;
  return -1;
}

function isLongProse(lines: ReadonlyArray<Line>, from: number, to: number): boolean {
  const text = lines.slice(from, to + 1).map((l) => l.trimmed).join(' ');
  const sentences = (text.match(/[.!?](?:\s|$)/gu) ?? []).length;
  return text.replace(/\s/gu, '').length >= PROSE_MIN_CHARS && sentences >= PROSE_MIN_SENTENCES;
}

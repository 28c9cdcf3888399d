/** @module Picks a document's heading system (Markdown, numbered, ALL CAPS, or short title lines) and finds its headings. */
import type { Heading, TitleReader } from './draft.ts';
import { endsLikeText, nextContent, type Line } from './lines.ts';
import { findNumberedHeadings } from './numbered.ts';

const MARKDOWN = /^(#{1,6})\s+(.+?)(?:\s+#+)?$/u;
/** `NORWAY (Tier 2)`, `PRIORITIZED RECOMMENDATIONS:`, `PROSECUTION`. */
const ALL_CAPS = /^[\p{Lu}\d][\p{Lu}\d ,&'’/-]*\p{Lu}(?: \([^()]{1,40}\))?:?$/u;
const MIN_CAPS_LETTERS = 4;
const MAX_SHORT_TITLE = 81;

/**
 * Headings of the strongest system the document uses, in order of preference: Markdown, numbered
 * chapters, ALL-CAPS lines. Only a document with none of these gets short title-like lines as headings,
 * because in the others such lines are captions, bylines or list lead-ins.
 */
export function findHeadings(lines: ReadonlyArray<Line>, read: TitleReader, skip: (i: number) => boolean): HeadingScan {
  for (const [system, find] of SYSTEMS) {
    const headings = find(lines, read, skip);
    if (headings.length > 0) return { system, headings };
  }
  return { system: 'none', headings: [] };
}

export type HeadingSystem = 'markdown' | 'numbered' | 'all-caps' | 'short-title' | 'none';

export interface HeadingScan {
  system: HeadingSystem;
  headings: Heading[];
}

type Finder = (lines: ReadonlyArray<Line>, read: TitleReader, skip: (i: number) => boolean) => Heading[];

/** Levels count from the shallowest `#` run used; a lone `#` heading above every other heading is the document title. */
export function markdownHeadings(lines: ReadonlyArray<Line>, _read: TitleReader, skip: (i: number) => boolean): Heading[] {
  const found: Array<{ line: number; depth: number; title: string }> = [];
  lines.forEach((l, i) => {
    const m = skip(i) ? null : MARKDOWN.exec(l.trimmed);
    if (m?.[1] && m[2]) found.push({ line: i, depth: m[1].length, title: m[2].trim() });
  });
  const first = found[0];
  const hasTitle = first?.depth === 1 && found.filter((h) => h.depth === first.depth).length === 1 && found.every((h) => h.depth >= first.depth);
  const rest = hasTitle ? found.slice(1) : found;
  const top = Math.min(...rest.map((h) => h.depth));
  return found.map((h, i) => ({
    line: h.line,
    lastLine: h.line,
    level: hasTitle && i === 0 ? 1 : h.depth - top + 1,
    kind: hasTitle && i === 0 ? 'title' : 'heading',
    title: h.title,
  }));
}

export function allCapsHeadings(lines: ReadonlyArray<Line>, _read: TitleReader, skip: (i: number) => boolean): Heading[] {
  const found: Heading[] = [];
  lines.forEach((l, i) => {
    const letters = (l.trimmed.replace(/\(.*\)/u, '').match(/\p{Lu}/gu) ?? []).length;
    if (skip(i) || letters < MIN_CAPS_LETTERS || !ALL_CAPS.test(l.trimmed)) return;
    found.push({ line: i, lastLine: i, level: 1, kind: 'heading', title: l.trimmed.replace(/:$/u, '') });
  });
  return found;
}

/** A line of at most 81 characters that starts with a capital, does not end like a sentence part, and has text after it. */
export function shortTitleHeadings(lines: ReadonlyArray<Line>, _read: TitleReader, skip: (i: number) => boolean): Heading[] {
  const candidate = (i: number): boolean => {
    const t = lines[i]?.trimmed ?? '';
    return !skip(i) && t.length > 0 && t.length <= MAX_SHORT_TITLE && /^\p{Lu}/u.test(t) && !endsLikeText(t);
  };
  const found: Heading[] = [];
  lines.forEach((l, i) => {
    const next = nextContent(lines, i);
    if (!candidate(i) || next === -1 || skip(next) || candidate(next)) return;
    found.push({ line: i, lastLine: i, level: 1, kind: 'heading', title: l.trimmed });
  });
  return found;
}

const SYSTEMS: ReadonlyArray<[HeadingSystem, Finder]> = [
  ['markdown', markdownHeadings],
  ['numbered', findNumberedHeadings],
  ['all-caps', allCapsHeadings],
  ['short-title', shortTitleHeadings],
];

/** @module The intermediate form every detector produces: line-based section drafts, before offsets and nesting. */
import type { SectionKind } from '../../types.ts';
import { collapse, lineAt, type Line } from './lines.ts';

/** A section candidate over whole lines. */
export interface Draft {
  kind: SectionKind;
  title: string;
  /** First line (its first non-blank character becomes the section start). */
  from: number;
  /** Last line, inclusive; trailing blank lines are trimmed when offsets are computed. */
  to: number;
  /**
   * Intended depth for outline sections (headings, measures, top-level metadata). Tagged blocks leave it
   * unset and become children of the innermost section that contains them.
   */
  level?: number;
}

/** A heading line (or lines, when the title wraps) found by one of the heading systems. */
export interface Heading {
  line: number;
  /** Last line that belongs to the heading itself. */
  lastLine: number;
  level: number;
  kind: 'heading' | 'title';
  title: string;
  /** A numbered `N.N measures:` block, whose body holds the plan's measures. */
  measures?: boolean;
  /** Lines outside `[line, lastLine]` that carry part of the heading (a title separated from its number). */
  detachedLines?: number[];
}

/** Builds a single-spaced title from lines `[from, to]`, dropping footnote markers glued to words. */
export type TitleReader = (from: number, to: number) => string;

export function titleReader(text: string, lines: ReadonlyArray<Line>, cuts: ReadonlyArray<{ start: number; end: number }>): TitleReader {
  return (from, to) => {
    const start = lineAt(lines, from).start;
    const end = lineAt(lines, to).end;
    let out = '';
    let pos = start;
    for (const cut of cuts) {
      if (cut.start < start || cut.end > end) continue;
      out += text.slice(pos, cut.start);
      pos = cut.end;
    }
    return collapse(out + text.slice(pos, end));
  };
}

/**
 * Turns headings into drafts: a heading runs until the next heading of the same or a higher rank, or the
 * next fixed top-level draft (metadata, back matter). Document titles cover only their own lines; the
 * text after them is handled by the front-matter rules.
 */
export function headingDrafts(headings: ReadonlyArray<Heading>, fixed: ReadonlyArray<Draft>, lastLine: number): Draft[] {
  return headings.map((h) => {
    if (h.kind === 'title') return { kind: 'title', title: h.title, from: h.line, to: h.lastLine, level: h.level };
    let to = lastLine;
    for (const other of headings) if (other.line > h.line && other.level <= h.level) to = Math.min(to, other.line - 1);
    for (const d of fixed) if (d.level !== undefined && d.from > h.line && d.level <= h.level) to = Math.min(to, d.from - 1);
    return { kind: 'heading', title: h.title, from: h.line, to, level: h.level };
  });
}

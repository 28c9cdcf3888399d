/** @module Line-level view of a verbatim text: offsets, blankness and the small shape tests every detector shares. */

export interface Line {
  /** 0-based line number. */
  index: number;
  /** Offset of the line's first character. */
  start: number;
  /** Offset just past the line's last character (the newline is not part of the line). */
  end: number;
  text: string;
  /** The text without surrounding whitespace; NBSP counts as whitespace, so an NBSP-only line is blank. */
  trimmed: string;
}

/** Splits `text` into lines whose offsets index the original string; a final newline yields an empty last line. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let index = 0; ; index++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const lineText = text.slice(start, end);
    lines.push({ index, start, end, text: lineText, trimmed: lineText.trim() });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

export function lineAt(lines: ReadonlyArray<Line>, index: number): Line {
  const line = lines[index];
  if (!line) throw new RangeError(`no line ${index}`);
  return line;
}

export const isBlank = (line: Line | undefined): boolean => line === undefined || line.trimmed === '';

/** Offset of the first non-whitespace character. */
export const contentStart = (line: Line): number => line.start + (line.text.length - line.text.trimStart().length);

/** Offset just past the last non-whitespace character. */
export const contentEnd = (line: Line): number => line.start + line.text.trimEnd().length;

export const startsUpper = (s: string): boolean => /^\p{Lu}/u.test(s);
export const startsLower = (s: string): boolean => /^\p{Ll}/u.test(s);
/** A sentence is finished (closing quotes and brackets after the stop are allowed). */
export const endsSentence = (s: string): boolean => /[.!?]["”’)\]]*$/u.test(s);
/** Headings never end in these; `?` and `!` are allowed (questions are common headings). */
export const endsLikeText = (s: string): boolean => /[.,;:]$/u.test(s);
export const collapse = (s: string): string => s.replace(/\s+/gu, ' ').trim();
export const wordCount = (s: string): number => (s.match(/\p{L}+/gu) ?? []).length;

/** Index of the next non-blank line after `from` (exclusive) up to `limit` (inclusive), or -1. */
export function nextContent(lines: ReadonlyArray<Line>, from: number, limit = lines.length - 1): number {
  for (let i = from + 1; i <= limit; i++) if (!isBlank(lines[i])) return i;
  return -1;
}

/** Index of the previous non-blank line before `from` (exclusive) down to `limit` (inclusive), or -1. */
export function prevContent(lines: ReadonlyArray<Line>, from: number, limit = 0): number {
  for (let i = from - 1; i >= limit; i--) if (!isBlank(lines[i])) return i;
  return -1;
}

/** Inclusive line range. */
export interface LineSpan {
  from: number;
  to: number;
}

/** Maximal runs of non-blank lines in `[from, to]` that `skip` does not exclude. */
export function blocksIn(lines: ReadonlyArray<Line>, from: number, to: number, skip: (i: number) => boolean = () => false): LineSpan[] {
  const blocks: LineSpan[] = [];
  let open = -1;
  for (let i = from; i <= to + 1; i++) {
    const inside = i <= to && !isBlank(lines[i]) && !skip(i);
    if (inside && open === -1) open = i;
    if (!inside && open !== -1) {
      blocks.push({ from: open, to: i - 1 });
      open = -1;
    }
  }
  return blocks;
}

/** A short quotation-free excerpt for tagged-block titles, cut at a word boundary. */
export function snippet(s: string, max = 60): string {
  const flat = collapse(s.replace(/[“”"]/gu, ' '));
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/u, '')}…`;
}

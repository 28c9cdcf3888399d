/** @module Sentence spans with exact offsets, robust to PDF line wrapping, bullets and abbreviations. */

export interface Span {
  start: number;
  end: number;
}

/** Words that end in a full stop without ending a sentence. */
const ABBREVIATIONS = new Set(
  ['no', 'nos', 'cf', 'e.g', 'i.e', 'eg', 'ie', 'mr', 'mrs', 'ms', 'dr', 'st', 'art', 'etc', 'vs', 'approx', 'u.s', 'u.n', 'inc', 'ltd', 'co', 'jr', 'sr', 'para', 'sec', 'fig', 'nr'],
);

const BULLET_LINE = /^[ \t]*(?:[•\-*–]|o(?=[ \t])|n(?=[ \t]*$)|\d+[.)](?=[ \t]))/;

/**
 * Splits `text.slice(start, end)` into sentence spans (offsets into `text`), trimmed of surrounding
 * white space. A sentence ends at `.`, `!` or `?` (plus closing quotes/brackets) before white space and
 * a plausible sentence start, at a bullet line, or at a blank line that follows finished text. A blank
 * line inside an unfinished sentence (a PDF page break) does not end it.
 */
export function splitSentences(text: string, start = 0, end = text.length): Span[] {
  const spans: Span[] = [];
  let sentenceStart = skipSpace(text, start, end);
  let i = sentenceStart;
  const close = (at: number, next: number): void => {
    const trimmedEnd = trimEnd(text, sentenceStart, at);
    if (trimmedEnd > sentenceStart) spans.push({ start: sentenceStart, end: trimmedEnd });
    sentenceStart = skipSpace(text, next, end);
  };
  while (i < end) {
    const ch = text[i];
    if (ch === '\n') {
      const nextLineStart = i + 1;
      const blankFollows = isBlankLineAt(text, nextLineStart, end);
      const nextContent = skipSpace(text, nextLineStart, end);
      const lineStartOfContent = lineStart(text, nextContent);
      if (nextContent < end && sentenceStart < i) {
        const finished = endsFinished(text, sentenceStart, i);
        const nextIsBullet = BULLET_LINE.test(text.slice(lineStartOfContent, lineEnd(text, lineStartOfContent, end)));
        const nextStartsLower = /\p{Ll}/u.test(text[nextContent] ?? '');
        // A line going on with a bracket or a figure continues the sentence: "… Centre for Men\n(REFORM) has …".
        const nextContinues = nextStartsLower || /[(\d]/u.test(text[nextContent] ?? '');
        const headingLine = !finished && !nextContinues && isHeadingish(text, sentenceStart, i);
        // At a blank line an unfinished sentence goes on only when its last line was full-width wrapped
        // prose cut by a page break ("the Human\n\nRights Act"), not a short list or metadata line.
        if (nextIsBullet || (blankFollows && (finished || !nextStartsLower && !wrappedLine(text, i))) || headingLine) {
          close(i, nextLineStart);
          i = sentenceStart;
          continue;
        }
      }
      i++;
      continue;
    }
    if ((ch === '.' || ch === '!' || ch === '?') && isSentenceEnd(text, i, end)) {
      let after = i + 1;
      while (after < end && /["”’')\]]/.test(text[after] ?? '')) after++;
      close(after, after);
      i = Math.max(sentenceStart, after);
      continue;
    }
    i++;
  }
  close(end, end);
  return spans;
}

/**
 * Splits a table's text into its rows: a row starts on a line that starts with a capital letter or a
 * digit, and lines that start in lower case continue the row above ("Measure no. 19 Review legislation
 * … in\norder to clarify …"). Tables have no sentence punctuation to split on.
 */
export function splitTableRows(text: string, start = 0, end = text.length): Span[] {
  const spans: Span[] = [];
  let rowStart = -1;
  let rowEnd = -1;
  for (let lineAt = start; lineAt < end; ) {
    const eol = lineEnd(text, lineAt, end);
    const content = skipSpace(text, lineAt, eol);
    if (content < eol) {
      if (rowStart >= 0 && /[\p{Lu}\p{N}]/u.test(text[content] ?? '')) spans.push({ start: rowStart, end: rowEnd });
      if (rowStart < 0 || /[\p{Lu}\p{N}]/u.test(text[content] ?? '')) rowStart = content;
      rowEnd = trimEnd(text, content, eol);
    }
    lineAt = eol + 1;
  }
  if (rowStart >= 0) spans.push({ start: rowStart, end: rowEnd });
  return spans;
}

function isSentenceEnd(text: string, i: number, end: number): boolean {
  let after = i + 1;
  while (after < end && /["”’')\]]/.test(text[after] ?? '')) after++;
  if (after >= end) return true;
  if (!/\s/.test(text[after] ?? '')) return false;
  const next = skipSpace(text, after, end);
  if (next >= end) return true;
  const nextChar = text[next] ?? '';
  if (!/[\p{Lu}\p{N}"“‘'(•\-–]/u.test(nextChar)) return false;
  if (text[i] !== '.') return true;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1]?.toLowerCase() ?? '';
  if (ABBREVIATIONS.has(word)) return false;
  // A single capital letter before the stop is an initial ("J. Smith"), not a sentence end.
  return !/^\p{Lu}$/u.test(text.slice(i - 1, i)) || /\s/.test(text[i - 2] ?? ' ') === false;
}

function endsFinished(text: string, from: number, to: number): boolean {
  const last = text.slice(from, to).trimEnd().slice(-1);
  return /[.!?:;"”’)]/.test(last);
}

/**
 * A short unpunctuated line standing alone (a heading or a title) is a sentence of its own; a line
 * that starts in lower case, ends in a function word or a comma, or is as long as the layout's wrapped
 * lines, is a wrapped sentence instead. So is the tail of a line whose sentence began mid-line
 * ("… schools. An NGO called\nNatteravnene …").
 */
function isHeadingish(text: string, from: number, to: number): boolean {
  const line = text.slice(from, to).trimEnd();
  const startsLine = text.slice(lineStart(text, from), from).trim() === '';
  return startsLine && !line.includes('\n') && !wrappedLine(text, to) && /^[\p{Lu}\p{N}]/u.test(line) && !/(?:,|\b(?:the|of|in|and|or|to|a|an|for|by|with|on|at|as|from|that|is|are|be))$/i.test(line);
}

/** Whether the line ending at `end` is as long as the layout's wrapped lines (~60 characters in the plan). */
function wrappedLine(text: string, end: number): boolean {
  return end - (text.lastIndexOf('\n', end - 1) + 1) >= 45;
}

function isBlankLineAt(text: string, pos: number, end: number): boolean {
  const e = lineEnd(text, pos, end);
  return text.slice(pos, e).trim() === '';
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

function lineEnd(text: string, pos: number, end: number): number {
  const nl = text.indexOf('\n', pos);
  return nl === -1 || nl > end ? end : nl;
}

function skipSpace(text: string, pos: number, end: number): number {
  while (pos < end && /\s/.test(text[pos] ?? '')) pos++;
  return pos;
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && /\s/.test(text[to - 1] ?? '')) to--;
  return to;
}

/** @module Numbered outlines: chapters `N Title` and sub-sections `N.M Title`, in either of the two PDF layouts. */
import type { Heading, TitleReader } from './draft.ts';
import { endsLikeText, isBlank, nextContent, startsLower, startsUpper, type Line } from './lines.ts';

const CHAPTER = /^(\d{1,2})\s+(\p{Lu}.*)$/u;
const SUBSECTION = /^(\d{1,2})\.(\d{1,2})(?:\s+(.*))?$/u;
const MEASURES_LABEL = /^measures:?$/iu;
const MAX_TITLE_CHARS = 100;
const MAX_TITLE_LINE = 80;
/** How far past a lone sub-section number its title may sit when the PDF put body text in between. */
const DETACHED_TITLE_REACH = 40;

const isTitleText = (s: string): boolean => s.length <= MAX_TITLE_CHARS && !endsLikeText(s);

/**
 * Finds the numbered outline. Chapter numbers must go up by one and a sub-section must belong to the
 * current chapter with a higher number than the last, which is what keeps list items, footnotes, page
 * numbers and sentences that start with a number out. Fewer than two chapters means the document is not
 * numbered, and nothing is returned.
 */
export function findNumberedHeadings(lines: ReadonlyArray<Line>, read: TitleReader, skip: (i: number) => boolean): Heading[] {
  const headings: Heading[] = [];
  let chapter = 0;
  let sub = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || skip(i)) continue;
    const chapterMatch = CHAPTER.exec(line.trimmed);
    if (chapterMatch && Number(chapterMatch[1]) === chapter + 1 && isTitleText(chapterMatch[2] ?? '')) {
      chapter += 1;
      sub = 0;
      const last = wrapEnd(lines, i);
      headings.push({ line: i, lastLine: last, level: 1, kind: 'heading', title: read(i, last) });
      i = last;
      continue;
    }
    const subMatch = SUBSECTION.exec(line.trimmed);
    if (!subMatch || Number(subMatch[1]) !== chapter || Number(subMatch[2]) <= sub) continue;
    const number = `${chapter}.${subMatch[2]}`;
    const rest = subMatch[3] ?? '';
    const heading = subsectionHeading(lines, read, i, number, rest);
    if (!heading) continue;
    sub = Number(subMatch[2]);
    headings.push(heading);
    i = heading.lastLine;
  }
  return headings.filter((h) => h.level === 1).length >= 2 ? headings : [];
}

function subsectionHeading(lines: ReadonlyArray<Line>, read: TitleReader, i: number, number: string, rest: string): Heading | null {
  const base = { line: i, level: 2, kind: 'heading' as const };
  if (MEASURES_LABEL.test(rest)) return { ...base, lastLine: i, title: `${number} Measures`, measures: true };
  if (rest !== '') {
    if (!startsUpper(rest) || !isTitleText(rest)) return null;
    const last = wrapEnd(lines, i);
    return { ...base, lastLine: last, title: read(i, last) };
  }
  const block = titleBlockAfter(lines, i);
  if (block) return { ...base, lastLine: block.to, title: `${number} ${read(block.from, block.to)}` };
  const detached = detachedTitle(lines, i);
  if (detached === -1) return { ...base, lastLine: i, title: number };
  return { ...base, lastLine: i, title: `${number} ${read(detached, detached)}`, detachedLines: [detached] };
}

/** A wrapped title goes on in lower case (`… will be` / `intensified`); the body starts with a capital. */
function wrapEnd(lines: ReadonlyArray<Line>, line: number, maxExtra = 2): number {
  let last = line;
  for (let i = line + 1; i <= line + maxExtra; i++) {
    const next = lines[i];
    if (!next || isBlank(next) || !startsLower(next.trimmed) || next.trimmed.length > MAX_TITLE_LINE || endsLikeText(next.trimmed)) break;
    last = i;
  }
  return last;
}

/** Layout "number alone, blank line, title line(s), blank line": the whole short block is the title. */
function titleBlockAfter(lines: ReadonlyArray<Line>, numberLine: number): { from: number; to: number } | null {
  const from = nextContent(lines, numberLine);
  if (from === -1 || from - numberLine > 3) return null;
  let to = from;
  while (!isBlank(lines[to + 1])) to++;
  const block = lines.slice(from, to + 1);
  const last = block[block.length - 1];
  const ok =
    block.length <= 3 &&
    block.every((l) => l.trimmed.length <= MAX_TITLE_LINE && !SUBSECTION.test(l.trimmed)) &&
    startsUpper(block[0]?.trimmed ?? '') &&
    last !== undefined &&
    !endsLikeText(last.trimmed);
  return ok ? { from, to } : null;
}

/**
 * The PDF sometimes put a page of body text between a sub-section number and its title (plan 8.2): take
 * the first stand-alone short title line before the next numbered heading.
 */
function detachedTitle(lines: ReadonlyArray<Line>, numberLine: number): number {
  for (let j = numberLine + 1; j < lines.length && j <= numberLine + DETACHED_TITLE_REACH; j++) {
    const t = lines[j]?.trimmed ?? '';
    if (SUBSECTION.test(t) || CHAPTER.test(t)) return -1;
    const standalone = isBlank(lines[j - 1]) && isBlank(lines[j + 1]);
    if (standalone && t.length <= 60 && startsUpper(t) && !endsLikeText(t)) return j;
  }
  return -1;
}

/** @module Footnotes (markers glued to words, note texts at the page foot) and the back matter printed after the last note. */
import type { Draft } from './draft.ts';
import { endsSentence, isBlank, nextContent, prevContent, startsUpper, type Line } from './lines.ts';

/** `relative1`, `arise2 .`, `section 132a6 of`: a letter directly followed by a one- or two-digit note number. */
const MARKER = /\p{L}(\d{1,2})(?=[\s.,;:)]|$)/gu;
const NOTE_LINE = /^(\d{1,2})\.\s+\S/u;
/** A note is printed at the foot of its marker's page or the next one, never further on. */
const MAX_NOTE_DISTANCE = 150;

export interface NoteScan {
  notes: Draft[];
  /** Offsets of the marker digits, so titles can drop them (`Report7,` → `Report,`). */
  markers: Array<{ start: number; end: number }>;
}

/**
 * A line `N. text` is a footnote only if marker N appears earlier in the text; that is what tells notes
 * from numbered lists. A note runs on until a blank line, the next note, a finished sentence, or an
 * indented line: the PDF indents the body text that resumes after a note (` Code. This provision…`).
 */
export function findFootnotes(text: string, lines: ReadonlyArray<Line>, skip: (i: number) => boolean): NoteScan {
  const notes: Draft[] = [];
  const markers: NoteScan['markers'] = [];
  const used = new Set<number>();
  let lineIndex = 0;
  for (const m of text.matchAll(MARKER)) {
    const number = m[1] ?? '';
    const at = (m.index ?? 0) + 1;
    while ((lines[lineIndex]?.end ?? Infinity) < at) lineIndex++;
    const noteLine = lines.findIndex(
      (l, i) => i > lineIndex && i <= lineIndex + MAX_NOTE_DISTANCE && !used.has(i) && !skip(i) && NOTE_LINE.exec(l.text)?.[1] === number,
    );
    if (noteLine === -1) continue;
    used.add(noteLine);
    markers.push({ start: at, end: at + number.length });
    notes.push({ kind: 'footnote', title: `Footnote ${number}`, from: noteLine, to: noteEnd(lines, noteLine) });
  }
  notes.sort((a, b) => a.from - b.from);
  return { notes, markers };
}

function noteEnd(lines: ReadonlyArray<Line>, from: number): number {
  let to = from;
  for (;;) {
    const current = lines[to];
    const next = lines[to + 1];
    if (!current || !next || isBlank(next) || endsSentence(current.trimmed)) return to;
    if (/^\s/u.test(next.text) || NOTE_LINE.test(next.text)) return to;
    to++;
  }
}

/**
 * Text after the document's last footnote that does not finish a sentence broken by the note is printed
 * outside the body (a cover note or colophon), so it becomes a top-level section of its own.
 */
export function findBackMatter(lines: ReadonlyArray<Line>, notes: ReadonlyArray<Draft>, headingLines: ReadonlySet<number>): Draft | null {
  const last = notes[notes.length - 1];
  if (!last) return null;
  const first = nextContent(lines, last.to);
  if (first === -1 || !startsUpper(lines[first]?.trimmed ?? '')) return null;
  for (let i = first; i < lines.length; i++) if (headingLines.has(i)) return null;
  const before = prevContent(lines, last.from);
  const brokenSentence = before !== -1 && before === last.from - 1 && !endsSentence(lines[before]?.trimmed ?? '');
  if (brokenSentence) return null;
  const to = prevContent(lines, lines.length);
  const body = lines.slice(first, to + 1).map((l) => l.trimmed).join(' ');
  // Naming only: a note about the cover is what such back matter usually is in a printed report.
  const title = /\bcover\b/iu.test(body) ? 'Cover note' : 'Back matter';
  return { kind: 'caption', title, from: first, to, level: 1 };
}

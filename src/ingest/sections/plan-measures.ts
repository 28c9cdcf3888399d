/** @module The plan's numbered measures: `Measure no. N` blocks in both layouts, grouped stubs paired with their titles. */
import type { Draft, TitleReader } from './draft.ts';
import { blocksIn, endsLikeText, isBlank, nextContent, startsLower, startsUpper, type Line, type LineSpan } from './lines.ts';

const MEASURE_LINE = /^Measure no\.\s*(\d+)$/u;
/** `Implementation: 2006-2009`, `Responsible ministry:`, `Responsible Ministry:`, `Responsible ministries:`. */
const METADATA = /^(?:Implementation|Responsible\s+ministr(?:y|ies))\s*:/iu;
const MAX_TITLE_LINES = 5;
/** A title line ending in a function word is unfinished even when the next line starts with a name (`… in which` / `Norway is …`). */
const DANGLING_WORD = /\b(?:a|an|and|as|at|between|by|for|from|in|into|of|on|or|that|the|to|which|who|with|within)$/iu;

/** A `Measure no. N` line followed directly by its metadata; its title and body come later (grouped layout). */
interface Stub {
  number: number;
  from: number;
  to: number;
}

/** Stubs printed together, and the lines after them that hold their titles and bodies in the same order. */
export interface MeasureGroup {
  stubs: Stub[];
  region: LineSpan;
}

export interface MeasureScan {
  /** Depth of the measures: one below their `N.N measures:` sub-section. */
  level: number;
  /** Measures printed whole (`Measure no. N`, title, metadata, body). */
  drafts: Draft[];
  groups: MeasureGroup[];
  /** Measure lines, titles and metadata: not running text, so no sidebar rule may claim them. */
  structural: Set<number>;
}

/** Scans the body of one `N.N measures:` sub-section; `level` is the depth its measures get. */
export function scanMeasures(lines: ReadonlyArray<Line>, read: TitleReader, body: LineSpan, level: number): MeasureScan {
  const scan: MeasureScan = { level, drafts: [], groups: [], structural: new Set() };
  const headers: number[] = [];
  for (let i = body.from; i <= body.to; i++) if (MEASURE_LINE.test(lines[i]?.trimmed ?? '')) headers.push(i);
  let pending: Stub[] = [];
  headers.forEach((h, k) => {
    const next = headers[k + 1] ?? body.to + 1;
    const number = Number(MEASURE_LINE.exec(lines[h]?.trimmed ?? '')?.[1]);
    const first = nextContent(lines, h, next - 1);
    scan.structural.add(h);
    if (first !== -1 && METADATA.test(lines[first]?.trimmed ?? '')) {
      let to = first;
      while (to + 1 < next && !isBlank(lines[to + 1])) to++;
      for (let i = h; i <= to; i++) scan.structural.add(i);
      pending.push({ number, from: h, to });
      const rest = nextContent(lines, to, next - 1);
      if (rest !== -1 || k === headers.length - 1) {
        scan.groups.push({ stubs: pending, region: { from: to + 1, to: next - 1 } });
        pending = [];
      }
      return;
    }
    if (pending.length > 0) scan.groups.push({ stubs: pending, region: { from: h, to: h - 1 } });
    pending = [];
    let title = '';
    if (first !== -1) {
      const titleEnd = titleLinesEnd(lines, first, next - 1);
      title = ` ${read(first, titleEnd)}`;
      for (let i = first; i <= titleEnd; i++) scan.structural.add(i);
    }
    for (let i = h; i < next; i++) if (METADATA.test(lines[i]?.trimmed ?? '')) scan.structural.add(i);
    scan.drafts.push({ kind: 'measure', title: `Measure no. ${number}${title}`, from: h, to: next - 1, level });
  });
  return scan;
}

/**
 * Pairs the k-th stub with the k-th title in the lines after the stubs. A title is a capitalised line,
 * continued by lines in lower case or `(new)` (or any line, after a dangling function word), that does
 * not end like a sentence and has body text after it. Extra titles stay with the measure before them; a stub left without a title becomes its own section.
 */
export function pairGroup(lines: ReadonlyArray<Line>, read: TitleReader, group: MeasureGroup, level: number, skip: (i: number) => boolean): Draft[] {
  const titles: LineSpan[] = [];
  for (const block of blocksIn(lines, group.region.from, group.region.to, skip)) {
    const head = titleOf(lines, block);
    if (head) titles.push(head);
  }
  return group.stubs.map((stub, k) => {
    const title = titles[k];
    if (!title) return { kind: 'measure', title: `Measure no. ${stub.number}`, from: stub.from, to: stub.to, level };
    const following = titles[k + 1];
    const to = k === group.stubs.length - 1 || !following ? group.region.to : following.from - 1;
    return { kind: 'measure', title: `Measure no. ${stub.number} ${read(title.from, title.to)}`, from: title.from, to, level };
  });
}

/** Layout "Measure no. N / title / metadata": the title runs to the first blank or metadata line. */
function titleLinesEnd(lines: ReadonlyArray<Line>, first: number, limit: number): number {
  let end = first;
  while (end < limit && end - first + 1 < MAX_TITLE_LINES && !isBlank(lines[end + 1]) && !METADATA.test(lines[end + 1]?.trimmed ?? '')) end++;
  return end;
}

function titleOf(lines: ReadonlyArray<Line>, block: LineSpan): LineSpan | null {
  if (!startsUpper(lines[block.from]?.trimmed ?? '')) return null;
  let to = block.from;
  while (to < block.to && to - block.from + 1 < MAX_TITLE_LINES) {
    const t = lines[to + 1]?.trimmed ?? '';
    const unfinished = DANGLING_WORD.test(lines[to]?.trimmed ?? '');
    if (!unfinished && !startsLower(t) && !t.startsWith('(')) break;
    to++;
  }
  const hasBody = to < block.to;
  return hasBody && !endsLikeText(lines[to]?.trimmed ?? '') ? { from: block.from, to } : null;
}

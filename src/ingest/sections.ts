/** @module Splits a verbatim document into a flat, nested list of sections with exact character offsets. */
import type { Section, StructureHints } from '../types.ts';
import { headingDrafts, titleReader, type Draft } from './sections/draft.ts';
import { findHeadings } from './sections/headings.ts';
import { implicitDrafts, metadataDrafts } from './sections/hints.ts';
import { frontDrafts } from './sections/front.ts';
import { splitLines } from './sections/lines.ts';
import { findMeasureTables } from './sections/measure-table.ts';
import { findBackMatter, findFootnotes } from './sections/notes.ts';
import { pairGroup, scanMeasures } from './sections/plan-measures.ts';
import { runInDrafts } from './sections/run-in-headings.ts';
import { findTaggedBlocks } from './sections/tagged-blocks.ts';
import { buildSections } from './sections/tree.ts';

/**
 * Parses `text` into sections, in document order, ids `s0`, `s1`, …. Ranges are `[start, end)` offsets
 * into `text` (never normalised); a child's range lies inside its parent's, and every non-whitespace
 * character lies in at least one section. Tagged kinds (`sidebar`, `caption`, `footnote`, `table`,
 * `metadata`) mark text that is set apart from the running text around it.
 *
 * @example
 * const sections = parseSections('# Report\n\n## Scope\n\nText.');
 * // [{ id: 's0', kind: 'title', title: 'Report', … }, { id: 's1', kind: 'heading', title: 'Scope', path: ['Scope'], … }]
 */
export function parseSections(text: string, hints: StructureHints = {}): Section[] {
  const lines = splitLines(text);
  const last = lines.length - 1;
  // Stages run from the strongest cue to the weakest; each claims its lines as structural, so the weaker
  // cues that come later (sidebars, captions, run-in headings, measure titles) never fire on them.

  const structural = new Set<number>();
  const claim = (drafts: ReadonlyArray<{ from: number; to: number }>): void => {
    for (const d of drafts) for (let i = d.from; i <= d.to; i++) structural.add(i);
  };
  const isStructural = (i: number): boolean => structural.has(i);

  const metadata = metadataDrafts(lines, hints);
  claim(metadata);
  const { notes, markers } = findFootnotes(text, lines, isStructural);
  claim(notes);
  const read = titleReader(text, lines, markers);
  const { system, headings } = findHeadings(lines, read, isStructural);
  const headingLines = new Set(headings.flatMap((h) => [...range(h.line, h.lastLine), ...(h.detachedLines ?? [])]));
  headingLines.forEach((i) => structural.add(i));
  const backMatter = findBackMatter(lines, notes, headingLines);
  const fixed: Draft[] = [...metadata, ...(backMatter ? [backMatter] : [])];
  claim(fixed);

  const outline = headingDrafts(headings, fixed, last);
  const withHeads = outline.map((d, k) => ({ ...d, headEnd: headings[k]?.lastLine ?? d.from, measures: headings[k]?.measures === true }));
  const measureBlocks = withHeads.filter((d) => d.measures);
  const scans = measureBlocks.map((d) => scanMeasures(lines, read, { from: d.headEnd + 1, to: d.to }, (d.level ?? 1) + 1));
  scans.forEach((s) => s.structural.forEach((i) => structural.add(i)));
  const inMeasures = (i: number): boolean => measureBlocks.some((d) => i > d.headEnd && i <= d.to);
  const tables = findMeasureTables(lines, (i) => isStructural(i) || inMeasures(i));
  claim(tables);
  const tagged = findTaggedBlocks(lines, isStructural);
  claim(tagged);

  const measures = scans.flatMap((scan) => [
    ...scan.drafts,
    ...scan.groups.flatMap((g) => pairGroup(lines, read, g, scan.level, isStructural)),
  ]);
  const subsections = system === 'numbered' ? withHeads.filter((d) => d.level === 2 && !d.measures) : [];
  const runIns = runInDrafts(lines, subsections, isStructural);
  const implicit = implicitDrafts(lines, hints, withHeads);

  const top = [...fixed, ...outline].filter((d) => d.level === 1);
  const front = frontDrafts(lines, top);
  const all = [...fixed, ...outline, ...front, ...measures, ...runIns, ...implicit, ...notes, ...tables, ...tagged];
  return buildSections(lines, all);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** @module Manifest hints: publisher metadata lines, and implicit sections under a heading that lost its sub-headings. */
import { ConfigError } from '../../errors.ts';
import type { StructureHints } from '../../types.ts';
import type { Draft } from './draft.ts';
import { blocksIn, isBlank, type Line } from './lines.ts';

/**
 * Lines matching any `metadataLines` pattern, grouped into runs (blank lines may sit between them). Each run
 * is a top-level `metadata` section: `Publisher metadata` before the content, `Page footer` after it.
 */
export function metadataDrafts(lines: ReadonlyArray<Line>, hints: StructureHints): Draft[] {
  const patterns = (hints.metadataLines ?? []).map(compile);
  if (patterns.length === 0) return [];
  const isMeta = (l: Line): boolean => patterns.some((p) => p.test(l.trimmed));
  const runs: Array<{ from: number; to: number }> = [];
  lines.forEach((l, i) => {
    if (!isMeta(l)) return;
    const last = runs[runs.length - 1];
    const onlyBlanksBetween = last !== undefined && lines.slice(last.to + 1, i).every((b) => isBlank(b));
    if (last && onlyBlanksBetween) last.to = i;
    else runs.push({ from: i, to: i });
  });
  const content = lines.map((l, i) => !isBlank(l) && !runs.some((r) => i >= r.from && i <= r.to));
  const firstContent = content.indexOf(true);
  const lastContent = content.lastIndexOf(true);
  return runs.map((r) => {
    const title = firstContent === -1 || r.to < firstContent ? 'Publisher metadata' : r.from > lastContent ? 'Page footer' : 'Metadata';
    return { kind: 'metadata', title, from: r.from, to: r.to, level: 1 };
  });
}

function compile(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch (cause) {
    throw new ConfigError(`invalid metadataLines pattern in the manifest: ${source}`, { cause });
  }
}

/**
 * The paragraphs directly under the heading titled `under` become `implicit` sections named by `titles`
 * in order. Extra paragraphs stay with the last title; extra titles are unused.
 */
export function implicitDrafts(lines: ReadonlyArray<Line>, hints: StructureHints, headings: ReadonlyArray<Draft & { headEnd: number }>): Draft[] {
  const spec = hints.implicitSections;
  const parent = spec && headings.find((h) => h.title.trim().toLowerCase() === spec.under.trim().toLowerCase());
  if (!spec || !parent || parent.level === undefined) return [];
  const paragraphs = blocksIn(lines, parent.headEnd + 1, parent.to);
  const level = parent.level + 1;
  return spec.titles.slice(0, paragraphs.length).map((title, k) => {
    const isLast = k === spec.titles.length - 1;
    const first = paragraphs[k];
    const last = isLast ? paragraphs[paragraphs.length - 1] : first;
    return { kind: 'implicit', title, from: first?.from ?? parent.to, to: last?.to ?? parent.to, level };
  });
}

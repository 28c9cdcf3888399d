/** @module Summary tables that list measures (`Measure no. N` rows outside the measures blocks), tagged as tables. */
import type { Draft } from './draft.ts';
import { endsSentence, isBlank, startsLower, type Line } from './lines.ts';

const ROW = /^Measure no\.\s*(\d+)\b/u;
const MIN_ROWS = 3;
/** Rows of one table sit close together even with group captions and wrapped titles between them. */
const MAX_ROW_GAP = 20;

/**
 * Each cluster of at least three `Measure no. N` rows becomes a `table`. The table starts at the caption
 * line(s) just above its first row that do not end a sentence, and takes the lower-case continuation of
 * its last row's title, which the PDF put after tab-only filler lines.
 */
export function findMeasureTables(lines: ReadonlyArray<Line>, skip: (i: number) => boolean): Draft[] {
  const rows: number[] = [];
  lines.forEach((l, i) => {
    if (!skip(i) && ROW.test(l.trimmed)) rows.push(i);
  });
  const clusters: number[][] = [];
  for (const row of rows) {
    const current = clusters[clusters.length - 1];
    const last = current?.[current.length - 1];
    if (current && last !== undefined && row - last <= MAX_ROW_GAP) current.push(row);
    else clusters.push([row]);
  }
  return clusters.filter((c) => c.length >= MIN_ROWS).map((c) => tableDraft(lines, c, skip));
}

function tableDraft(lines: ReadonlyArray<Line>, rows: number[], skip: (i: number) => boolean): Draft {
  let from = rows[0] ?? 0;
  while (from > 0 && !isBlank(lines[from - 1]) && !skip(from - 1) && !endsSentence(lines[from - 1]?.trimmed ?? '')) from--;
  let to = rows[rows.length - 1] ?? from;
  for (let i = to + 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) break;
    if (line.trimmed === '' && line.text.includes('\t')) continue;
    if (skip(i) || !(startsLower(line.trimmed) || line.trimmed.startsWith('('))) break;
    to = i;
  }
  const first = ROW.exec(lines[rows[0] ?? 0]?.trimmed ?? '')?.[1];
  const last = ROW.exec(lines[rows[rows.length - 1] ?? 0]?.trimmed ?? '')?.[1];
  return { kind: 'table', title: `Table: measures ${first}–${last}`, from, to };
}

import { describe, expect, it } from 'vitest';
import { splitLines } from './lines.ts';
import { findMeasureTables } from './measure-table.ts';

describe('findMeasureTables', () => {
  it('takes the caption above the first row and the wrapped title after tab-only lines', () => {
    const text = 'They are marked (new).\nGroup caption\nMeasure no. 1 Do a\nMeasure no. 2 Do b\nMeasure no. 3 Do c and\n\t\t\nmore (new)\n\nNext paragraph.';
    const tables = findMeasureTables(splitLines(text), () => false);
    expect(tables).toEqual([{ kind: 'table', title: 'Table: measures 1–3', from: 1, to: 6 }]);
  });

  it('needs at least three rows', () => {
    expect(findMeasureTables(splitLines('Measure no. 1 A\nMeasure no. 2 B'), () => false)).toEqual([]);
  });
});

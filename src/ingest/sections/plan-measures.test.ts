import { describe, expect, it } from 'vitest';
import { titleReader } from './draft.ts';
import { splitLines } from './lines.ts';
import { pairGroup, scanMeasures } from './plan-measures.ts';

const setup = (text: string) => {
  const lines = splitLines(text);
  const read = titleReader(text, lines, []);
  return { lines, read, scan: scanMeasures(lines, read, { from: 0, to: lines.length - 1 }, 3) };
};

describe('scanMeasures', () => {
  it('reads a whole measure (number, title, metadata, body) as one measure draft', () => {
    const { scan } = setup('Measure no. 7\n\nExtend the period (new)\n\nImplementation: 2006-2009\nResponsible ministries:\nMinistry of A\n\nBody.');
    expect(scan.drafts).toEqual([{ kind: 'measure', title: 'Measure no. 7 Extend the period (new)', from: 0, to: 8, level: 3 }]);
    expect(scan.groups).toEqual([]);
  });

  it('groups consecutive stubs with the lines that follow them', () => {
    const { scan } = setup('Measure no. 1\nImplementation: 2006\n\nMeasure no. 2\nResponsible Ministry:\nMinistry\n\nTitle one\nBody one.');
    expect(scan.groups.map((g) => [g.stubs.map((s) => s.number), g.region])).toEqual([[[1, 2], { from: 6, to: 8 }]]);
  });
});

describe('pairGroup', () => {
  it('continues a title after a dangling function word even when the next line starts with a name', () => {
    const text = 'Measure no. 35\nImplementation: 2006\n\nPut the theme on the agenda in talks in which\nNorway is engaged\nNorway talks with China.';
    const { lines, read, scan } = setup(text);
    const group = scan.groups[0];
    expect(group && pairGroup(lines, read, group, 3, () => false).map((d) => d.title)).toEqual([
      'Measure no. 35 Put the theme on the agenda in talks in which Norway is engaged',
    ]);
  });

  it('keeps a stub without a title as its own measure section', () => {
    const { lines, read, scan } = setup('Measure no. 1\nImplementation: 2006\n\nMeasure no. 2\nImplementation: 2006\n\nOnly title\nBody.');
    const group = scan.groups[0];
    expect(group && pairGroup(lines, read, group, 3, () => false).map((d) => [d.title, d.from])).toEqual([
      ['Measure no. 1 Only title', 6],
      ['Measure no. 2', 3],
    ]);
  });
});

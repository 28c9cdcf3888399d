import { describe, expect, it } from 'vitest';
import type { ParsedDocument, Section } from '../types.ts';
import { chunkCorpus, titleEnd } from './chunks.ts';

function section(id: string, title: string, start: number, end: number, extra: Partial<Section> = {}): Section {
  return { id, title, path: [title], level: 1, start, end, kind: 'heading', parentId: null, ...extra };
}

function doc(text: string, sections: Section[]): ParsedDocument {
  return { id: 'd', file: 'd.txt', title: 'Doc', shortTitle: 'Doc', publisher: null, date: null, source: null, text, sections };
}

describe('chunkCorpus', () => {
  it('never lets a chunk cross a section boundary', () => {
    const text = 'Alpha\nFirst part. Still first.\nBeta\nSecond part.';
    const cut = text.indexOf('Beta');
    const { chunks } = chunkCorpus([doc(text, [section('s0', 'Alpha', 0, cut - 1), section('s1', 'Beta', cut, text.length)])]);
    expect(chunks.map((c) => [c.sectionId, text.slice(c.start, c.end)])).toEqual([
      ['s0', 'Alpha\nFirst part. Still first.'],
      ['s1', 'Beta\nSecond part.'],
    ]);
  });

  it('splits a long section at sentence ends with one sentence of overlap', () => {
    const sentence = (i: number): string => `Sentence ${i} ${'word '.repeat(38)}ends.`;
    const text = Array.from({ length: 12 }, (_, i) => sentence(i)).join(' ');
    const { chunks } = chunkCorpus([doc(text, [section('s0', 'Long', 0, text.length)])], { targetWords: 100, maxWords: 130, minWords: 20 });
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(text.slice(c.start, c.end)).toMatch(/^Sentence \d+ [\s\S]*ends\.$/);
    const [a, b] = chunks;
    expect(a && b && b.start < a.end).toBe(true);
  });

  it('indexes the section path with the cleaned text', () => {
    const text = 'Victims are investi-\ngated here.';
    const { chunks } = chunkCorpus([doc(text, [section('s0', 'Protection', 0, text.length, { path: ['Norway', 'Protection'] })])]);
    expect(chunks[0]?.indexText).toBe('Doc › Norway › Protection\nVictims are investigated here.');
  });

  it('keeps a sentence whole across a pull-quote inserted in it, but indexes it without the quote', () => {
    const text = 'The slaves of today are\nBIG QUOTE\nnot in cotton fields. Next.';
    const q = text.indexOf('BIG QUOTE');
    const sections = [
      section('s0', 'Body', 0, text.length),
      section('s1', 'Sidebar', q, q + 'BIG QUOTE'.length, { kind: 'sidebar', parentId: 's0', level: 2 }),
    ];
    const { sentences } = chunkCorpus([doc(text, sections)]);
    const body = sentences.filter((s) => s.sectionId === 's0');
    expect(body.map((s) => s.cleanText)).toEqual(['The slaves of today are not in cotton fields.', 'Next.']);
    expect(sentences.find((s) => s.sectionId === 's1')?.cleanText).toBe('BIG QUOTE');
  });

  it('skips publisher metadata', () => {
    const text = 'Publisher X\nBody text.';
    const sections = [section('s0', 'Meta', 0, 11, { kind: 'metadata' }), section('s1', 'Body', 12, text.length)];
    const { chunks } = chunkCorpus([doc(text, sections)]);
    expect(chunks.map((c) => c.sectionId)).toEqual(['s1']);
  });

  it('makes no chunk of a parent section whose only own text is its heading', () => {
    const text = 'Norway (Tier 1)\n\nThe government prosecuted cases.';
    const cut = text.indexOf('The');
    const sections = [
      section('s0', 'Norway (Tier 1)', 0, text.length),
      section('s1', 'Prosecution', cut, text.length, { kind: 'implicit', parentId: 's0', level: 2, path: ['Norway (Tier 1)', 'Prosecution'] }),
    ];
    expect(chunkCorpus([doc(text, sections)]).chunks.map((c) => c.sectionId)).toEqual(['s1']);
  });

  it('splits a title glued to the first sentence of its section into a sentence of its own', () => {
    const text = 'Extend the reflection period (new)\nThe Government wishes to extend it.';
    const { sentences } = chunkCorpus([doc(text, [section('s0', 'Measure no. 7 Extend the reflection period (new)', 0, text.length, { kind: 'measure' })])]);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual(['Extend the reflection period (new)', 'The Government wishes to extend it.']);
  });
});

describe('chunkCorpus and titles in the text', () => {
  it('keeps a first sentence whole when it merely starts with the title words', () => {
    const text = 'Prostitution is legal in Norway.';
    const { sentences } = chunkCorpus([doc(text, [section('s0', 'Prostitution', 0, text.length)])]);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual([text]);
  });
});

describe('titleEnd', () => {
  it('finds the end of a title that wraps over lines', () => {
    const text = '5 Victims of human trafficking will be ensured\nappropriate protection\n\nBody.';
    expect(titleEnd(text, { start: 0, end: text.length, title: '5 Victims of human trafficking will be ensured appropriate protection' })).toBe(text.indexOf('\n\n'));
  });

  it('is null when the section does not start with its title', () => {
    expect(titleEnd('Country text here.', { start: 0, end: 18, title: 'Overview' })).toBeNull();
  });
});

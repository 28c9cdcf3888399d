/** @module A corpus of one short document with one section, for route tests that need no real index. */
import type { ParsedDocument } from '../../src/types.ts';

export const ONE_DOCUMENT_TEXT = 'Protection\nVictims may get a reflection period of six months.';

export const oneDocument: ParsedDocument = {
  id: 'udi',
  file: 'udi.txt',
  title: 'UDI page',
  shortTitle: 'UDI',
  publisher: 'UDI',
  date: null,
  source: null,
  licence: 'No licence stated.',
  text: ONE_DOCUMENT_TEXT,
  sections: [{ id: 's0', title: 'Protection', path: ['Protection'], level: 1, start: 0, end: ONE_DOCUMENT_TEXT.length, kind: 'heading', parentId: null }],
};

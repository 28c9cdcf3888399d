/** @module The help contacts: the items of the sections the manifest names as listing who can help, as exact citations. */
import { makeCitation, type CorpusView } from './citations.ts';
import type { Citation } from './types.ts';
import type { BuiltIndex } from '../index/built-index.ts';
import { squash } from '../text/clean.ts';
import { LIST_ITEM } from '../text/facts.ts';
import type { DocumentMeta } from '../types.ts';

/**
 * Every item of each help section, in manifest and then document order, numbered from 1: a list item
 * with the sentences that follow it up to the next item ("ROSA … advice. 24 hour hotline: …"). A
 * document without a `help` entry gives none.
 */
export function helpContacts(index: Pick<BuiltIndex, 'sentences' | 'sectionsByDoc'>, docs: ReadonlyArray<Pick<DocumentMeta, 'id' | 'help'>>, view: CorpusView): Citation[] {
  const contacts: Citation[] = [];
  for (const doc of docs) {
    for (const title of doc.help?.sections ?? []) {
      const section = (index.sectionsByDoc[doc.id] ?? []).find((s) => squash(s.title) === squash(title));
      if (!section) continue;
      const items: Array<{ start: number; end: number }> = [];
      for (const sentence of index.sentences) {
        if (sentence.docId !== doc.id || sentence.sectionId !== section.id) continue;
        // The section's own title is no contact.
        if (squash(sentence.cleanText) === squash(section.title)) continue;
        const last = items[items.length - 1];
        if (last && !LIST_ITEM.test(sentence.cleanText)) last.end = sentence.end;
        else items.push({ start: sentence.start, end: sentence.end });
      }
      for (const item of items) {
        const citation = makeCitation(view, contacts.length + 1, doc.id, item.start, item.end);
        if (citation) contacts.push(citation);
      }
    }
  }
  return contacts;
}

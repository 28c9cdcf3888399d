/** @module Citations as exact document slices: built from spans, checked, numbered, and shown as quotes. */
import type { Section, SourceDocument } from '../types.ts';
import type { Citation } from './types.ts';

export interface CorpusView {
  doc(docId: string): SourceDocument | undefined;
  /** The innermost section holding `[start, end)`. */
  sectionAt(docId: string, start: number, end: number): Section | undefined;
}

export function corpusView(docs: ReadonlyArray<SourceDocument>, sectionsByDoc: Readonly<Record<string, Section[]>>): CorpusView {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return {
    doc: (id) => byId.get(id),
    sectionAt(docId, start, end) {
      let best: Section | undefined;
      for (const s of sectionsByDoc[docId] ?? []) {
        if (s.start <= start && end <= s.end && (!best || s.level >= best.level)) best = s;
      }
      return best;
    },
  };
}

/** A citation for `[start, end)` of a document, or null if the span is not a valid slice. */
export function makeCitation(view: CorpusView, n: number, docId: string, start: number, end: number): Citation | null {
  const doc = view.doc(docId);
  if (!doc || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > doc.text.length || start >= end) return null;
  const section = view.sectionAt(docId, start, end);
  return { n, docId, docTitle: doc.shortTitle, sectionPath: section?.path ?? [], start, end, text: doc.text.slice(start, end) };
}

/** True when every citation is an exact slice of its document: the last check before an answer leaves. */
export function citationsAreExact(view: CorpusView, citations: ReadonlyArray<Citation>): boolean {
  return citations.every((c) => view.doc(c.docId)?.text.slice(c.start, c.end) === c.text);
}

/** The passage as it reads, for quoting inside an answer: white space collapsed, markdown emphasis dropped. */
export function displayText(text: string): string {
  return text
    .replace(/(\p{L})-[ \t]*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/\*\*?([^*]+)\*\*?/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** @module Citations as exact document slices: built from spans, checked, numbered, and shown as quotes. */
import type { Section, SourceDocument } from '../types.ts';
import type { Citation } from './types.ts';

export interface CorpusView {
  doc(docId: string): SourceDocument | undefined;
  /** The innermost section holding `[start, end)`. */
  sectionAt(docId: string, start: number, end: number): Section | undefined;
  /** Tagged blocks (pull-quotes, footnotes, captions) lying inside `[start, end)`, in order. */
  asidesWithin(docId: string, start: number, end: number): Section[];
}

const ASIDE_KINDS = new Set(['sidebar', 'footnote', 'caption']);

export function corpusView(docs: ReadonlyArray<SourceDocument>, sectionsByDoc: Readonly<Record<string, Section[]>>): CorpusView {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return {
    doc: (id) => byId.get(id),
    // The deepest section holding the span, then the shortest: the same rule as the page's
    // sectionAround (web/doctext.js), so a citation's breadcrumb and the panel's agree.
    sectionAt(docId, start, end) {
      let best: Section | undefined;
      for (const s of sectionsByDoc[docId] ?? []) {
        if (s.start > start || end > s.end) continue;
        if (!best || s.level > best.level || (s.level === best.level && s.end - s.start < best.end - best.start)) best = s;
      }
      return best;
    },
    asidesWithin(docId, start, end) {
      return (sectionsByDoc[docId] ?? []).filter((s) => ASIDE_KINDS.has(s.kind) && start < s.start && s.end < end);
    },
  };
}

/** A citation for `[start, end)` of a document, or null if the span is not a valid slice. */
export function makeCitation(view: CorpusView, n: number, docId: string, start: number, end: number): Citation | null {
  const doc = view.doc(docId);
  if (!doc || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > doc.text.length || start >= end) return null;
  const section = view.sectionAt(docId, start, end);
  return { n, docId, docTitle: doc.shortTitle, docDate: doc.date, sectionPath: section?.path ?? [], start, end, text: doc.text.slice(start, end) };
}

/** True when every citation is an exact slice of its document: the last check before an answer leaves. */
export function citationsAreExact(view: CorpusView, citations: ReadonlyArray<Citation>): boolean {
  return citations.every((c) => view.doc(c.docId)?.text.slice(c.start, c.end) === c.text);
}

/**
 * A citation as it is quoted in an answer: a pull-quote or footnote that the layout put inside the
 * cited span is left out and marked "…", so the quote reads as the author's sentence. The citation
 * itself stays the exact slice, for the reader to check.
 */
export function quoteOf(view: CorpusView, citation: Citation): string {
  const asides = view.asidesWithin(citation.docId, citation.start, citation.end);
  if (!asides.length) return displayText(citation.text);
  const text = view.doc(citation.docId)?.text ?? '';
  const parts: string[] = [];
  let pos = citation.start;
  for (const aside of asides) {
    if (aside.start < pos) continue;
    parts.push(displayText(text.slice(pos, aside.start)));
    pos = aside.end;
  }
  parts.push(displayText(text.slice(pos, citation.end)));
  return parts.filter(Boolean).join(' … ');
}

/** The passage as it reads, for quoting inside an answer: white space collapsed, markdown emphasis dropped. */
export function displayText(text: string): string {
  return text
    .replace(/(\p{L})-[ \t]*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/\*\*?([^*]+)\*\*?/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

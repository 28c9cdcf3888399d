/** @module Finds a quoted passage in the documents (white space normalised), and span overlaps. */
import type { SourceDocument } from '../types.ts';

export interface DocSpan {
  docId: string;
  start: number;
  end: number;
}

interface Normalised {
  text: string;
  map: number[];
}

function normalise(s: string): Normalised {
  let text = '';
  const map: number[] = [];
  let prevSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (/\s/.test(c)) {
      if (!prevSpace) {
        text += ' ';
        map.push(i);
        prevSpace = true;
      }
      continue;
    }
    text += c;
    map.push(i);
    prevSpace = false;
  }
  return { text, map };
}

/** Finds quotes in the documents however their white space differs (line breaks in a PDF extraction). */
export class QuoteLocator {
  private readonly docs: Array<{ id: string; n: Normalised }>;
  constructor(docs: ReadonlyArray<SourceDocument>) {
    this.docs = docs.map((d) => ({ id: d.id, n: normalise(d.text) }));
  }

  locate(quote: string): DocSpan | null {
    const q = normalise(quote).text.trim();
    for (const d of this.docs) {
      const i = d.n.text.indexOf(q);
      if (i >= 0) return { docId: d.id, start: d.n.map[i] ?? 0, end: (d.n.map[i + q.length - 1] ?? 0) + 1 };
    }
    return null;
  }
}

export function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** A retrieved span covers a gold span when it overlaps at least half of it, in the same document. */
export function covers(span: DocSpan, gold: DocSpan): boolean {
  return span.docId === gold.docId && overlap(span, gold) >= 0.5 * (gold.end - gold.start);
}

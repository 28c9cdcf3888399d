/** @module The wording of an offline answer: verbatim quotes, each introduced by its document, date and section, one citation each. */
import { makeCitation, quoteOf, type CorpusView } from '../citations.ts';
import type { RankedPassage } from '../../rank/ranker.ts';
import type { Citation } from '../types.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A manifest date ("2006-06-05", "2010-03", "2025") as a reader writes it ("5 June 2006"). */
export function readableDate(date: string | null | undefined): string | null {
  if (!date) return null;
  const [year, month, day] = date.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (day && monthName) return `${Number(day)} ${monthName} ${year}`;
  if (monthName) return `${monthName} ${year}`;
  return year ?? null;
}

/** "2006 TIP Report (5 June 2006)" — who says it, and when. */
function author(citation: Citation): string {
  const when = readableDate(citation.docDate);
  return `${citation.docTitle}${when && !citation.docTitle.includes(when) ? ` (${when})` : ''}`;
}

/** The innermost section title, where the passage sits. */
function sectionOf(citation: Citation): string | undefined {
  return citation.sectionPath[citation.sectionPath.length - 1];
}

const yearOf = (c: Citation): number | null => (c.docDate ? Number(c.docDate.slice(0, 4)) : null);

/**
 * Quotes the passages in the given order (newest document first), one citation each. A passage from a
 * document older than the first is introduced as what that older document said, so a superseded
 * figure never reads as the current one.
 */
export function compose(view: CorpusView, picked: ReadonlyArray<RankedPassage>): { answer: string; citations: Citation[] } {
  const citations: Citation[] = [];
  const paragraphs: string[] = [];
  for (const r of picked) {
    const citation = makeCitation(view, citations.length + 1, r.passage.docId, r.passage.start, r.passage.end);
    if (!citation) continue;
    const quote = `“${quoteOf(view, citation)}” [${citation.n}]`;
    const first = citations[0];
    const [newest, year] = [first ? yearOf(first) : null, yearOf(citation)];
    const section = sectionOf(citation);
    const where = section ? `, ${section}` : '';
    if (!first) paragraphs.push(`According to the ${author(citation)}${where}: ${quote}`);
    else if (newest !== null && year !== null && year < newest) paragraphs.push(`The older ${author(citation)} said${section ? `, in ${section}` : ''}: ${quote}`);
    else paragraphs.push(`Also, the ${author(citation)}${where}: ${quote}`);
    citations.push(citation);
  }
  return { answer: paragraphs.join('\n\n'), citations };
}

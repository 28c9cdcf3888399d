/** @module The wording of an offline answer: verbatim quotes, each introduced by its document, date and section, one citation each. */
import { makeCitation, quoteOf, type CorpusView } from '../citations.ts';
import type { RankedPassage } from '../../rank/ranker.ts';
import type { Language } from '../../query/language.ts';
import type { Citation } from '../types.ts';
import { PHRASES } from './phrases.ts';

/** A manifest date ("2006-06-05", "2010-03", "2025") as a reader writes it ("5 June 2006", "5. juni 2006"). */
export function readableDate(date: string | null | undefined, language: Language = 'en'): string | null {
  if (!date) return null;
  const phrases = PHRASES[language];
  const [year = '', month, day] = date.split('-');
  const monthName = month ? phrases.months[Number(month) - 1] : undefined;
  if (day && monthName) return phrases.date(Number(day), monthName, year);
  if (monthName) return `${monthName} ${year}`;
  return year || null;
}

/** "2006 TIP Report (5 June 2006)" — who says it, and when. */
function author(citation: Citation, language: Language): string {
  const when = readableDate(citation.docDate, language);
  return `${citation.docTitle}${when && !citation.docTitle.includes(when) ? ` (${when})` : ''}`;
}

/** The innermost section title, where the passage sits. */
function sectionOf(citation: Citation): string | undefined {
  return citation.sectionPath[citation.sectionPath.length - 1];
}

const yearOf = (c: Citation): number | null => (c.docDate ? Number(c.docDate.slice(0, 4)) : null);

/**
 * Quotes the passages in the given order (newest document first), one citation each, numbered from
 * `firstNumber`. A passage from a document older than the first is introduced as what that older
 * document said, so a superseded figure never reads as the current one.
 */
export function compose(view: CorpusView, picked: ReadonlyArray<RankedPassage>, language: Language = 'en', firstNumber = 1): { answer: string; citations: Citation[] } {
  const phrases = PHRASES[language];
  const citations: Citation[] = [];
  const paragraphs: string[] = [];
  for (const r of picked) {
    const citation = makeCitation(view, firstNumber + citations.length, r.passage.docId, r.passage.start, r.passage.end);
    if (!citation) continue;
    const quote = `“${quoteOf(view, citation)}” [${citation.n}]`;
    const first = citations[0];
    const [newest, year] = [first ? yearOf(first) : null, yearOf(citation)];
    const section = sectionOf(citation);
    const source = `${author(citation, language)}${section ? `, ${section}` : ''}`;
    if (!first) paragraphs.push(`${phrases.according(source)}: ${quote}`);
    else if (newest !== null && year !== null && year < newest) paragraphs.push(`${phrases.older(author(citation, language), section)}: ${quote}`);
    else paragraphs.push(`${phrases.also(source)}: ${quote}`);
    citations.push(citation);
  }
  return { answer: paragraphs.join('\n\n'), citations };
}

/** The help contacts as a list of verbatim quotes, each with its citation, under a calm lead. */
export function composeHelp(view: CorpusView, contacts: ReadonlyArray<Citation>, language: Language = 'en'): { answer: string; citations: Citation[] } {
  const lines = contacts.map((c) => `- “${quoteOf(view, c).replace(/^[-•–]\s*/, '')}” [${c.n}]`);
  return { answer: `${PHRASES[language].help}\n${lines.join('\n')}`, citations: [...contacts] };
}

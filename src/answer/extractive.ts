/** @module The offline answerer's decisions: whether the documents answer, which passages to quote, how to word it. */
import { numberWords } from '../query/number-words.ts';
import { tokenize } from '../text/terms.ts';
import { makeCitation, quoteOf, type CorpusView } from './citations.ts';
import type { ScoredPassage } from './evidence.ts';
import type { Evidence } from './evidence-gatherer.ts';
import { answerTypeIsRequired, matchesAnswerType, type AnswerType } from './question.ts';
import type { Citation } from './types.ts';

export interface ExtractiveOptions {
  /** Below this best-passage score the documents are taken not to answer (default 0.47; see DESIGN.md for how it was tuned). */
  groundedThreshold: number;
  /** Most passages (citations) in one answer; one more for questions that compare documents (default 1: one passage of up to three sentences answers; see DESIGN.md). */
  maxPassages: number;
  /** A further passage of the same document is quoted only when it scores at least this share of the best one (default 0.965: a near tie). */
  relativeCutoff: number;
  /** The same, for a passage from another document when the question compares documents (default 0.6). */
  otherDocumentCutoff: number;
  /** The same, for the best passage of each document a comparing question names, by year or name (default 0.4). */
  namedDocumentCutoff: number;
  /** A further passage must bring at least this many question terms the first did not (default 1). */
  minNewTerms: number;
}

export const defaultExtractiveOptions: ExtractiveOptions = {
  groundedThreshold: 0.47,
  maxPassages: 1,
  relativeCutoff: 0.965,
  otherDocumentCutoff: 0.6,
  namedDocumentCutoff: 0.4,
  minNewTerms: 1,
};

export interface Composition {
  answer: string;
  citations: Citation[];
  grounded: boolean;
  related: Citation[];
}

export interface CorpusFacts {
  /** Per document, the words of its title, short title, publisher and date: "the 2025 report" names that report. */
  documentWords: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per document, the years it reports on. */
  yearsCovered: ReadonlyMap<string, ReadonlySet<string>>;
}

/** How many of the best (overlapping) passages must together meet the question's constraints (years, names). */
const CONSTRAINT_WINDOW = 12;

/**
 * Whether `word` is said by the evidence: as a word of it, or sharing its first letters with one
 * ("Norwegian" ~ "Norway", "Swedish" ~ "Sweden"), so a name in another grammatical form still counts.
 */
function mentioned(word: string, evidenceWords: ReadonlySet<string>): boolean {
  if (evidenceWords.has(word)) return true;
  if (word.length < 5 || /^\d/.test(word)) return false;
  const stem = word.slice(0, 4);
  for (const w of evidenceWords) if (w.startsWith(stem) && Math.abs(w.length - word.length) <= 3) return true;
  return false;
}

/** Why the evidence does not answer, or null when it does. */
export function refusalReason(evidence: Evidence, facts: CorpusFacts, options: ExtractiveOptions): string | null {
  const [best] = evidence.passages;
  const { analysis } = evidence;
  if (!best) return 'nothing in the documents matches the question';
  const top = evidence.passages.slice(0, CONSTRAINT_WINDOW);
  const evidenceWords = new Set<string>();
  for (const p of top) {
    for (const w of tokenize(`${p.text} ${p.sectionPath.join(' ')}`)) evidenceWords.add(w);
    for (const w of facts.documentWords.get(p.docId) ?? []) evidenceWords.add(w);
  }
  // A year that names a document ("the 2006 report") is met by any candidate passage from that document,
  // and so is a year the document reports on ("convicted in 2024", asked of the 2025 report): its
  // sentences leave that year unsaid. Any other year must be in the passages themselves.
  const fromDocumentOfYear = (year: string): boolean =>
    evidence.passages.some((p) => facts.documentWords.get(p.docId)?.has(year) || facts.yearsCovered.get(p.docId)?.has(year));
  const missing = [...analysis.years, ...analysis.names].filter((w) => !mentioned(w, evidenceWords) && !fromDocumentOfYear(w));
  // Shown as the reader wrote them ("Swedish", not the search token "swedish").
  const asWritten = (w: string): string => new RegExp(`\\b${w}\\b`, 'i').exec(analysis.text)?.[0] ?? w;
  if (missing.length) return `the passages that match say nothing about ${missing.map((w) => `“${asWritten(w)}”`).join(', ')}`;
  if (answerTypeIsRequired(analysis.answerType) && !top.slice(0, 3).some((p) => matchesAnswerType(analysis.answerType, p.text, analysis))) {
    return 'the passages that match do not give the figure or detail asked for';
  }
  if (best.score < options.groundedThreshold) return 'no passage matches the question closely enough';
  return null;
}

const overlaps = (a: ScoredPassage, b: ScoredPassage): boolean => a.docId === b.docId && a.start < b.end && b.start < a.end;

/**
 * The best passage, then further passages that score close to it and add something: question terms
 * not yet covered, or, for questions that compare documents, another document.
 */
export function selectPassages(evidence: Evidence, options: ExtractiveOptions): ScoredPassage[] {
  const [best, ...rest] = evidence.passages;
  if (!best) return [];
  const picked = [best];
  const covered = new Set(best.covered);
  const docs = new Set([best.docId]);
  const maxPassages = evidence.spansDocuments ? options.maxPassages + 1 : options.maxPassages;
  const take = (p: ScoredPassage): void => {
    picked.push(p);
    p.covered.forEach((t) => covered.add(t));
    docs.add(p.docId);
  };
  if (evidence.spansDocuments) {
    // One passage for each document the question names outright ("the 2006 plan and the UDI page").
    for (const [docId, strength] of evidence.analysis.namedDocuments) {
      if (strength < 1 || docs.has(docId) || picked.length >= maxPassages) continue;
      const candidate = evidence.passages.find((p) => p.docId === docId && p.score >= options.namedDocumentCutoff * best.score);
      if (candidate) take(candidate);
    }
  }
  for (const p of rest) {
    if (picked.length >= maxPassages) break;
    if (picked.some((q) => overlaps(p, q))) continue;
    const addsDoc = evidence.spansDocuments && !docs.has(p.docId);
    const addsTerms = [...p.covered].filter((t) => !covered.has(t)).length >= options.minNewTerms;
    const cutoff = addsDoc ? options.otherDocumentCutoff : options.relativeCutoff;
    if (p.score < cutoff * best.score || !(addsDoc || addsTerms)) continue;
    take(p);
  }
  return picked;
}

/**
 * For a question that asks for a figure, the figures a quote writes as words, in digits ("sixteen: 16"),
 * so that a reader scanning for the number finds it. "One" is left out: it is more often a pronoun.
 */
function figureGloss(quote: string): string {
  const glosses = [...new Map(numberWords(quote).filter((w) => w.text.toLowerCase() !== 'one').map((w) => [w.text.toLowerCase(), `${w.text}: ${w.value}`])).values()];
  return glosses.length ? ` (${glosses.join('; ')})` : '';
}

/** Quotes the passages grouped by document, in document order, one citation each. */
export function compose(view: CorpusView, picked: ReadonlyArray<ScoredPassage>, answerType: AnswerType = 'other'): { answer: string; citations: Citation[] } {
  const byDoc = new Map<string, ScoredPassage[]>();
  for (const p of picked) byDoc.set(p.docId, [...(byDoc.get(p.docId) ?? []), p]);
  const citations: Citation[] = [];
  const paragraphs: string[] = [];
  for (const [docId, passages] of byDoc) {
    const quotes: string[] = [];
    let first: Citation | undefined;
    for (const p of [...passages].sort((a, b) => a.start - b.start)) {
      const citation = makeCitation(view, citations.length + 1, docId, p.start, p.end);
      if (!citation) continue;
      first ??= citation;
      citations.push(citation);
      const quote = quoteOf(view, citation);
      const gloss = answerType === 'number' ? figureGloss(quote) : '';
      quotes.push(`“${quote}” [${citation.n}]${gloss}`);
    }
    if (!first) continue;
    const where = first.sectionPath.length ? ` (${first.sectionPath[first.sectionPath.length - 1]})` : '';
    paragraphs.push(`${first.docTitle}${where}: ${quotes.join(' ')}`);
  }
  const answer = paragraphs.length > 1 ? `The documents say:\n\n${paragraphs.map((p) => `- ${p}`).join('\n')}` : `According to the ${paragraphs[0] ?? ''}`;
  return { answer, citations };
}

export function composeRefusal(view: CorpusView, evidence: Evidence, reason: string): Composition {
  const related: Citation[] = [];
  for (const p of evidence.passages) {
    if (related.length === 2) break;
    if (related.some((c) => c.docId === p.docId && c.start < p.end && p.start < c.end)) continue;
    const citation = makeCitation(view, related.length + 1, p.docId, p.start, p.end);
    if (citation) related.push(citation);
  }
  const pointer = related.length ? ' The nearest passages are listed below as related reading, not as an answer.' : '';
  return { answer: `The documents do not answer this question: ${reason}.${pointer}`, citations: [], grounded: false, related };
}

/** Answers from evidence alone: verbatim quotes with citations, or a plain refusal. */
export function answerExtractively(view: CorpusView, evidence: Evidence, facts: CorpusFacts, options: ExtractiveOptions = defaultExtractiveOptions): Composition {
  const reason = refusalReason(evidence, facts, options);
  if (reason) return composeRefusal(view, evidence, reason);
  const { answer, citations } = compose(view, selectPassages(evidence, options), evidence.analysis.answerType);
  if (!citations.length) return composeRefusal(view, evidence, 'no passage could be quoted');
  return { answer, citations, grounded: true, related: [] };
}

/** @module The offline answerer: picks the sentences that answer, quotes them verbatim, cites each one. */
import type { ScoredSentence } from './evidence.ts';
import type { Evidence } from './evidence-gatherer.ts';
import { makeCitation, displayText, type CorpusView } from './citations.ts';
import { tokenize } from '../text/terms.ts';
import { matchesAnswerType } from './question.ts';
import type { Citation } from './types.ts';

export interface ExtractiveOptions {
  /** Below this best-sentence score the documents are taken not to answer (default 0.42; see DESIGN.md for how it was tuned). */
  groundedThreshold: number;
  /** Most sentences quoted in one answer (default 3). */
  maxSentences: number;
  /** A further sentence is quoted only when it scores at least this share of the best one (default 0.85). */
  relativeCutoff: number;
}

export const defaultExtractiveOptions: ExtractiveOptions = { groundedThreshold: 0.42, maxSentences: 3, relativeCutoff: 0.85 };

export interface Composition {
  answer: string;
  citations: Citation[];
  grounded: boolean;
  related: Citation[];
}

export interface CorpusFacts {
  /** Per document, the words of its title, short title, publisher and date: "the 2025 report" names that report. */
  documentWords: ReadonlyMap<string, ReadonlySet<string>>;
}

/** How many of the best sentences must together meet the question's constraints (years, names). */
const CONSTRAINT_WINDOW = 5;

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
  const [best] = evidence.sentences;
  const { analysis } = evidence;
  if (!best) return 'nothing in the documents matches the question';
  const top = evidence.sentences.slice(0, CONSTRAINT_WINDOW);
  const evidenceWords = new Set<string>();
  for (const s of top) {
    for (const w of tokenize(`${s.sentence.cleanText} ${s.sectionPath.join(' ')}`)) evidenceWords.add(w);
    for (const w of facts.documentWords.get(s.sentence.docId) ?? []) evidenceWords.add(w);
  }
  const missing = [...analysis.years, ...analysis.names].filter((w) => !mentioned(w, evidenceWords));
  if (missing.length) return `the passages that match say nothing about ${missing.map((w) => `“${w}”`).join(', ')}`;
  if (analysis.answerType !== 'other' && !top.slice(0, 3).some((s) => matchesAnswerType(analysis.answerType, s.sentence.cleanText))) {
    return 'the passages that match do not give the figure or detail asked for';
  }
  if (best.score < options.groundedThreshold) return 'no passage matches the question closely enough';
  return null;
}

/** The best sentence, then further ones that score close to it and add something (new terms, another document). */
export function selectSentences(evidence: Evidence, options: ExtractiveOptions): ScoredSentence[] {
  const [best, ...rest] = evidence.sentences;
  if (!best) return [];
  const picked = [best];
  const covered = new Set(best.covered);
  const docs = new Set([best.sentence.docId]);
  for (const s of rest) {
    if (picked.length >= options.maxSentences) break;
    const addsTerms = [...s.covered].some((t) => !covered.has(t));
    const addsDoc = !docs.has(s.sentence.docId);
    const adjacent = picked.some((p) => p.sentence.docId === s.sentence.docId && Math.abs(p.sentence.id - s.sentence.id) === 1);
    const close = s.score >= options.relativeCutoff * best.score;
    if (close && (addsTerms || addsDoc || adjacent)) {
      picked.push(s);
      s.covered.forEach((t) => covered.add(t));
      docs.add(s.sentence.docId);
    }
  }
  return picked;
}

/** Quotes the picked sentences grouped by document, in document order, merging neighbours into one citation. */
export function compose(view: CorpusView, picked: ReadonlyArray<ScoredSentence>): { answer: string; citations: Citation[] } {
  const byDoc = new Map<string, ScoredSentence[]>();
  for (const s of picked) byDoc.set(s.sentence.docId, [...(byDoc.get(s.sentence.docId) ?? []), s]);
  const citations: Citation[] = [];
  const paragraphs: string[] = [];
  for (const [docId, sentences] of byDoc) {
    const spans = mergeAdjacent(view, docId, sentences.map((s) => s.sentence).sort((a, b) => a.start - b.start));
    const quotes: string[] = [];
    for (const span of spans) {
      const citation = makeCitation(view, citations.length + 1, docId, span.start, span.end);
      if (!citation) continue;
      citations.push(citation);
      quotes.push(`“${displayText(citation.text)}” [${citation.n}]`);
    }
    if (!quotes.length) continue;
    const first = citations.find((c) => c.docId === docId);
    const where = first?.sectionPath.length ? ` (${first.sectionPath[first.sectionPath.length - 1]})` : '';
    paragraphs.push(`${first?.docTitle ?? docId}${where}: ${quotes.join(' ')}`);
  }
  const answer = paragraphs.length > 1 ? `The documents say:\n\n${paragraphs.map((p) => `- ${p}`).join('\n')}` : `According to the ${paragraphs[0] ?? ''}`;
  return { answer, citations };
}

function mergeAdjacent(view: CorpusView, docId: string, sentences: ReadonlyArray<{ start: number; end: number; sectionId: string }>): Array<{ start: number; end: number }> {
  const text = view.doc(docId)?.text ?? '';
  const out: Array<{ start: number; end: number; sectionId: string }> = [];
  for (const s of sentences) {
    const last = out[out.length - 1];
    if (last && last.sectionId === s.sectionId && s.start >= last.end && text.slice(last.end, s.start).trim() === '') last.end = Math.max(last.end, s.end);
    else if (!last || s.start >= last.end) out.push({ ...s });
  }
  return out;
}

export function composeRefusal(view: CorpusView, evidence: Evidence, reason: string): Composition {
  const related = evidence.sentences
    .slice(0, 2)
    .map((s, i) => makeCitation(view, i + 1, s.sentence.docId, s.sentence.start, s.sentence.end))
    .filter((c): c is Citation => c !== null);
  const pointer = related.length ? ' The nearest passages are listed below as related reading, not as an answer.' : '';
  return {
    answer: `The documents do not answer this question: ${reason}.${pointer}`,
    citations: [],
    grounded: false,
    related,
  };
}

/** Answers from evidence alone: verbatim quotes with citations, or a plain refusal. */
export function answerExtractively(view: CorpusView, evidence: Evidence, facts: CorpusFacts, options: ExtractiveOptions = defaultExtractiveOptions): Composition {
  const reason = refusalReason(evidence, facts, options);
  if (reason) return composeRefusal(view, evidence, reason);
  const { answer, citations } = compose(view, selectSentences(evidence, options));
  if (!citations.length) return composeRefusal(view, evidence, 'no passage could be quoted');
  return { answer, citations, grounded: true, related: [] };
}

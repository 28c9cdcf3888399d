/**
 * @module Which passages an offline answer quotes: the best one; for a question that names or
 * compares documents, the best of each other document in play; and for a question about the present
 * answered from an older document, the newest document's passage first.
 */
import type { Question } from '../../query/analyse.ts';
import type { CorpusFacts } from '../../rank/corpus-facts.ts';
import { bestPerDocument, nonOverlapping } from '../../rank/diversify.ts';
import type { RankedPassage } from '../../rank/ranker.ts';

export interface SelectOptions {
  /**
   * A passage from another document is quoted beside the best one when it scores within this margin of
   * it (in the ranker's score units) and the question compares, names several documents, or asks about
   * the present. Chosen on validation (see DESIGN.md).
   */
  otherDocumentMargin: number;
  /** How many of the best passages are looked through for another document's (default 3: a near contender, not a distant one). */
  contenders: number;
}

export const defaultSelectOptions: SelectOptions = { otherDocumentMargin: 0.5, contenders: 3 };

/**
 * A list is quoted whole: list items are widened to the list with its introduction ("The main goals
 * are to:") when a candidate holds both, or the point of the list is lost.
 */
function wholeList(best: RankedPassage, ranked: ReadonlyArray<RankedPassage>): RankedPassage {
  if (best.passage.kind !== 'list') return best;
  const { docId, start, end } = best.passage;
  let widest = best;
  for (const r of ranked) {
    const p = r.passage;
    if (p.kind === 'list' && p.docId === docId && p.start <= start && p.end >= end && p.sentenceIds.length > widest.passage.sentenceIds.length) widest = r;
  }
  return widest;
}

/** The passages to quote, in the order to quote them. */
export function selectPassages(question: Question, ranked: ReadonlyArray<RankedPassage>, facts: CorpusFacts, options: SelectOptions = defaultSelectOptions): RankedPassage[] {
  const shown = nonOverlapping(ranked, options.contenders);
  const first = shown[0];
  if (!first) return [];
  const best = wholeList(first, ranked);
  const picked = [best];
  const perDocument = bestPerDocument(ranked);
  // Each document the question names outright gets its own passage ("the 2006 plan and the UDI page").
  if (question.mentions.spansDocuments) {
    for (const [docId, strength] of question.mentions.strengths) {
      const own = perDocument.get(docId);
      if (strength >= 1 && own && !picked.some((p) => p.passage.docId === docId)) picked.push(own);
    }
  }
  const widens = question.comparative || question.aboutNow;
  if (widens && picked.length === 1) {
    const other = shown.find((r) => r.passage.docId !== best.passage.docId && best.score - r.score <= options.otherDocumentMargin);
    if (other) picked.push(other);
  }
  // Newest first, so a question about the present reads the current position before the older one.
  const recency = (r: RankedPassage): number => facts.documents.get(r.passage.docId)?.recency ?? 0.5;
  return picked.length > 1 ? [...picked].sort((a, b) => recency(b) - recency(a)) : picked;
}

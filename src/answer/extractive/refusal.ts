/** @module A plain "the documents do not answer this", saying why, with the nearest passages as reading (not as claims). */
import type { FactKind } from '../../text/facts.ts';
import { nonOverlapping } from '../../rank/diversify.ts';
import { makeCitation, type CorpusView } from '../citations.ts';
import type { Evidence } from '../evidence.ts';
import type { Citation } from '../types.ts';

export interface Refusal {
  answer: string;
  citations: Citation[];
  grounded: false;
  related: Citation[];
}

const ASKED: Readonly<Record<FactKind, string>> = {
  number: 'the figure',
  date: 'the date',
  duration: 'the length of time',
  actor: 'who',
  place: 'the place',
  contact: 'the contact',
  definition: 'the definition',
  procedure: 'the steps',
  reason: 'the reason',
  condition: 'the conditions',
  list: 'the list',
};

/** Related reading shown with a refusal: the two best passages that do not overlap. */
const RELATED = 2;

/** Why the evidence does not answer, in the reader's words where the question gives them. */
export function refusalReason(evidence: Evidence): string {
  const { question, decision } = evidence;
  const { missing } = decision.check;
  // Shown as the reader wrote them ("Swedish", not the search token "swedish").
  const asWritten = (token: string): string => new RegExp(`[\\p{L}\\p{N}]*${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\p{L}\\p{N}]*`, 'iu').exec(question.text)?.[0] ?? token;
  const quoted = (words: ReadonlyArray<string>): string => words.map((w) => `“${asWritten(w)}”`).join(', ');
  const unmet = [...missing.names, ...missing.years];
  if (unmet.length) return `the passages that match say nothing about ${quoted(unmet)}`;
  if (missing.unknownWords.length) return `the documents never mention ${quoted(missing.unknownWords)}`;
  if (missing.asked && question.asks) return `the passages that match do not give ${ASKED[question.asks]} asked for`;
  return 'no passage matches the question closely enough';
}

export function refuse(view: CorpusView, evidence: Evidence, reason: string = refusalReason(evidence)): Refusal {
  const related = nonOverlapping(evidence.ranked, RELATED)
    .map((r, i) => makeCitation(view, i + 1, r.passage.docId, r.passage.start, r.passage.end))
    .filter((c): c is Citation => c !== null);
  const pointer = related.length ? ' The nearest passages are listed below as related reading, not as an answer.' : '';
  return { answer: `The documents do not answer this question: ${reason}.${pointer}`, citations: [], grounded: false, related };
}

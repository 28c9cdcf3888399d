/** @module A plain "the documents do not answer this", saying why, with the nearest passages as reading (not as claims). */
import { nonOverlapping } from '../../rank/diversify.ts';
import { makeCitation, type CorpusView } from '../citations.ts';
import type { Evidence } from '../evidence.ts';
import type { Citation } from '../types.ts';
import type { Translator } from '../../query/translate.ts';
import { terms, wordsAsTyped } from '../../text/terms.ts';
import { PHRASES } from './phrases.ts';

export interface Refusal {
  answer: string;
  citations: Citation[];
  grounded: false;
  related: Citation[];
}

/** Related reading shown with a refusal: the two best passages that do not overlap (a display choice: enough to read on, not a list). */
const RELATED = 2;

/**
 * Why the evidence does not answer, in the reader's words where the question gives them, in their
 * language. A word of a translated question is shown as the reader wrote it, with the English the
 * documents were searched for ("“farge” (“colour”)"), when `translator` is given.
 */
export function refusalReason(evidence: Evidence, translator?: Pick<Translator, 'translate'>): string {
  const { question, decision } = evidence;
  const { missing } = decision.check;
  const phrases = PHRASES[evidence.language];
  const typed = (text: string, token: string): string | undefined => wordsAsTyped(text).find((word) => terms(word).includes(token));
  // Shown as the reader wrote them: "Swedish", not the search token "swedish"; "anybody", not its stem "anybodi".
  const asWritten = (token: string): string => {
    const own = new RegExp(`[\\p{L}\\p{N}]*${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\p{L}\\p{N}]*`, 'iu').exec(evidence.asked)?.[0] ?? typed(evidence.asked, token);
    if (own) return `“${own}”`;
    const english = typed(question.text, token) ?? token;
    const source = translator && evidence.language !== 'en' ? wordsAsTyped(evidence.asked).find((word) => terms(translator.translate(word)).includes(token)) : undefined;
    return source ? `“${source}” (“${english}”)` : `“${english}”`;
  };
  const quoted = (words: ReadonlyArray<string>): string => words.map(asWritten).join(', ');
  const unmet = [...missing.names, ...missing.years];
  if (unmet.length) return phrases.unmet(quoted(unmet));
  if (missing.unknownWords.length) return phrases.unknown(quoted(missing.unknownWords));
  if (missing.asked && question.asks) return phrases.missingAsked(question.asks);
  return phrases.noMatch;
}

export function refuse(view: CorpusView, evidence: Evidence, reason: string = refusalReason(evidence)): Refusal {
  const related = nonOverlapping(evidence.ranked, RELATED)
    .map((r, i) => makeCitation(view, i + 1, r.passage.docId, r.passage.start, r.passage.end))
    .filter((c): c is Citation => c !== null);
  const phrases = PHRASES[evidence.language];
  const pointer = related.length ? ` ${phrases.nearest}` : '';
  return { answer: `${phrases.refusal(reason)}${pointer}`, citations: [], grounded: false, related };
}

/** @module An answer as plain text: its prose, then a numbered references block quoting each cited passage. */
import { displayText } from './citations.ts';
import type { AnswerResult, Citation } from './types.ts';

/** `[n] 2025 TIP Report (2025) › Protection: "quoted passage"`, one line per citation. */
export function referenceLine(citation: Citation): string {
  const where = [citation.docDate ? `${citation.docTitle} (${citation.docDate})` : citation.docTitle, ...citation.sectionPath].join(' › ');
  return `[${citation.n}] ${where}: "${displayText(citation.text)}"`;
}

/** The references block for these citations, or '' when there are none. */
export function referencesBlock(citations: ReadonlyArray<Citation>): string {
  return citations.length ? `References:\n${citations.map(referenceLine).join('\n')}` : '';
}

/** After a refusal, the nearest passages, labelled as reading; '' for an answer or when there are none. */
export function relatedBlock(result: Pick<AnswerResult, 'related' | 'grounded'>): string {
  return !result.grounded && result.related.length ? `Nearest passages (reading, not an answer):\n${result.related.map(referenceLine).join('\n')}` : '';
}

/**
 * The whole answer for a reader without our page (an OpenAI client, an MCP host, a shell): the prose
 * with its `[n]` markers, then the passages they point to. A refusal lists the nearest passages as
 * reading, labelled so nobody takes them for an answer.
 */
export function answerAsText(result: Pick<AnswerResult, 'answer' | 'citations' | 'related' | 'grounded'>): string {
  return [result.answer.trim(), referencesBlock(result.citations), relatedBlock(result)].filter(Boolean).join('\n\n');
}

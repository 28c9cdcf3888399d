/** @module Narrows a cited chunk to the sentences that carry the claims citing it. */
import { terms } from '../text/terms.ts';
import type { Chunk, Sentence } from '../types.ts';

/** Where a claim starts: after a sentence end, a line break, or another citation marker. */
const CLAIM_BOUNDARY = /[.!?]["”’)]*\s+|\n|\[\d+\]/g;

/**
 * The text of each claim that marker `[n]` cites: the words before it back to the previous claim.
 * Markers stacked on one claim ("tried [1][2].") and markers placed after the full stop ("tried. [2]")
 * cite the words before them too.
 */
export function claimsCiting(answer: string, n: number): string[] {
  const claims: string[] = [];
  const pattern = new RegExp(`\\[${n}\\]`, 'g');
  for (let m = pattern.exec(answer); m; m = pattern.exec(answer)) {
    const before = answer
      .slice(0, m.index)
      .replace(/(?:\s*\[\d+\])+\s*$/, '')
      .replace(/[\s.!?;:,]+$/, '');
    let start = 0;
    for (const b of before.matchAll(CLAIM_BOUNDARY)) start = b.index + b[0].length;
    const claim = before.slice(start).trim();
    if (claim) claims.push(claim);
  }
  return claims;
}

/**
 * The smallest run of the chunk's sentences that holds, for each claim, the sentence sharing most
 * distinct terms with it. Falls back to the whole chunk when no sentence shares a term.
 */
export function narrowToClaims(answer: string, n: number, chunk: Chunk, sentences: ReadonlyArray<Sentence>): { start: number; end: number } {
  const own = chunk.sentenceIds.map((id) => sentences[id]).filter((s): s is Sentence => s !== undefined);
  const ownTerms = own.map((s) => new Set(terms(s.cleanText)));
  const picked: Sentence[] = [];
  for (const claim of claimsCiting(answer, n)) {
    const claimTerms = new Set(terms(claim));
    let best: Sentence | undefined;
    let bestOverlap = 0;
    for (const [i, s] of own.entries()) {
      // Distinct terms, so a long sentence repeating one word does not outscore the one that says the claim.
      let overlap = 0;
      for (const t of ownTerms[i] ?? []) if (claimTerms.has(t)) overlap++;
      if (overlap > bestOverlap) {
        best = s;
        bestOverlap = overlap;
      }
    }
    if (best) picked.push(best);
  }
  if (!picked.length) return { start: chunk.start, end: chunk.end };
  // Clamped to the chunk: the citation must stay inside the passage the model was shown.
  const start = Math.max(chunk.start, Math.min(...picked.map((s) => s.start)));
  const end = Math.min(chunk.end, Math.max(...picked.map((s) => s.end)));
  return start < end ? { start, end } : { start: chunk.start, end: chunk.end };
}

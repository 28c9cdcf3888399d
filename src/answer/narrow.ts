/** @module Narrows a cited chunk to the sentences that carry the claims citing it. */
import { terms } from '../text/terms.ts';
import type { Chunk, Sentence } from '../types.ts';

/** The text of each claim (sentence of the answer) that ends with marker `[n]`. */
export function claimsCiting(answer: string, n: number): string[] {
  const claims: string[] = [];
  const pattern = new RegExp(`\\[${n}\\]`, 'g');
  for (let m = pattern.exec(answer); m; m = pattern.exec(answer)) {
    const before = answer.slice(0, m.index);
    const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf(']')) + 1;
    claims.push(before.slice(start));
  }
  return claims;
}

/**
 * The smallest run of the chunk's sentences that holds, for each claim, the sentence sharing most
 * terms with it. Falls back to the whole chunk when no sentence shares a term.
 */
export function narrowToClaims(answer: string, n: number, chunk: Chunk, sentences: ReadonlyArray<Sentence>): { start: number; end: number } {
  const own = chunk.sentenceIds.map((id) => sentences[id]).filter((s): s is Sentence => s !== undefined);
  const picked: Sentence[] = [];
  for (const claim of claimsCiting(answer, n)) {
    const claimTerms = new Set(terms(claim));
    let best: Sentence | undefined;
    let bestOverlap = 0;
    for (const s of own) {
      const overlap = terms(s.cleanText).filter((t) => claimTerms.has(t)).length;
      if (overlap > bestOverlap) {
        best = s;
        bestOverlap = overlap;
      }
    }
    if (best) picked.push(best);
  }
  if (!picked.length) return { start: chunk.start, end: chunk.end };
  return { start: Math.min(...picked.map((s) => s.start)), end: Math.max(...picked.map((s) => s.end)) };
}

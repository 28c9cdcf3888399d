/** @module Narrows a cited chunk to the sentences that carry the claims citing it. */
import { NUMBER_WORD_VALUES, SCALE_WORDS } from '../../text/number-words.ts';
import { toTerm, tokenize } from '../../text/terms.ts';
import type { Chunk, Sentence } from '../../types.ts';

/** Where a claim starts: after a sentence end, a line break, or another citation marker. */
const CLAIM_BOUNDARY = /[.!?]["”’)]*\s+|\n|\[\d+\]/g;

interface Claim {
  text: string;
  /** The marker sits beside another ("tried [1][2]"): another passage may be the one that backs it. */
  stacked: boolean;
}

/** Every claim marker `[n]` cites, with whether the marker is stacked with another there. */
function claimsOf(answer: string, n: number): Claim[] {
  const claims: Claim[] = [];
  const pattern = new RegExp(`\\[${n}\\]`, 'g');
  for (let m = pattern.exec(answer); m; m = pattern.exec(answer)) {
    const before = answer
      .slice(0, m.index)
      .replace(/(?:\s*\[\d+\])+\s*$/, '')
      .replace(/[\s.!?;:,]+$/, '');
    let start = 0;
    for (const b of before.matchAll(CLAIM_BOUNDARY)) start = b.index + b[0].length;
    const text = before.slice(start).trim();
    const stacked = /\[\d+\]\s*$/.test(answer.slice(0, m.index)) || /^\s*\[\d+\]/.test(answer.slice(m.index + m[0].length));
    if (text) claims.push({ text, stacked });
  }
  return claims;
}

/**
 * The text of each claim that marker `[n]` cites: the words before it back to the previous claim.
 * Markers stacked on one claim ("tried [1][2].") and markers placed after the full stop ("tried. [2]")
 * cite the words before them too.
 */
export function claimsCiting(answer: string, n: number): string[] {
  return claimsOf(answer, n).map((c) => c.text);
}

/** A sentence apart from those taken, adding no key term, must add this many claim terms to be taken. */
const MIN_EXTRA_TERMS = 2;

/** Below this share of a claim's terms found in the chunk, no sentence run carries the claim: the whole chunk is cited. */
const MIN_COVERAGE = 0.5;

/** Terms of number words that are not folded to digits but still make a figure ("2.5 million"). */
const SCALE_TERMS = new Set(SCALE_WORDS.map((w) => toTerm(w)));

/** A token's term, with number words as digits; null for a stop word. */
function termOf(token: string): string | null {
  // Spelled-out numbers fold to digits, so "six months" in a claim finds "6 months" in a document and vice versa.
  const value = NUMBER_WORD_VALUES.get(token);
  return value === undefined ? toTerm(token) : String(value);
}

/** A text's words as terms; `capitalised` holds those written with a capital (names, in running text). */
interface Terms {
  all: Set<string>;
  capitalised: Set<string>;
}

function termsOf(text: string, skipFirstCapital: boolean): Terms {
  const all = new Set<string>();
  const capitalised = new Set<string>();
  let first = true;
  for (const word of text.split(/\s+/)) {
    const tokens = tokenize(word);
    if (!tokens.length) continue;
    const letters = word.replace(/[^\p{L}]/gu, '');
    // Sentence case capitalises the first word of a claim whatever it is; only an acronym there is a name.
    const capital = first && skipFirstCapital ? letters.length > 1 && letters === letters.toUpperCase() : /^\P{L}*\p{Lu}/u.test(word);
    first = false;
    for (const token of tokens) {
      const term = termOf(token);
      if (!term) continue;
      all.add(term);
      if (capital) capitalised.add(term);
    }
  }
  return { all, capitalised };
}

/** A figure (digits, or a number word): a quote without the claim's figures does not back it. */
const isFigure = (term: string): boolean => /^\d/.test(term) || SCALE_TERMS.has(term);

/**
 * Key terms of `claim` that `sentence` holds: figures (digits, number words), and names, capitalised in
 * both, so "Labour" in a claim's heading-like words does not pull in "forced labour".
 */
function isKey(term: string, claim: Terms, sentence: Terms): boolean {
  return isFigure(term) || (claim.capitalised.has(term) && sentence.capitalised.has(term));
}

/**
 * Indexes of the sentences that together carry one claim, chosen greedily: each step takes the sentence
 * adding most uncovered claim terms (key terms count double, so the sentence with the figure or name wins
 * a tie), nearest the ones already taken on a tie. A sentence not next to one already taken must add a
 * key term or MIN_EXTRA_TERMS plain ones: one common word shared further off does not carry the claim,
 * and would stretch the quote across everything between. Null when the chunk holds under MIN_COVERAGE of
 * the claim's terms.
 */
function sentencesForClaim(claimText: string, own: ReadonlyArray<Terms>): number[] | null {
  const claim = termsOf(claimText, true);
  if (!claim.all.size) return [];
  const found = new Set([...claim.all].filter((t) => own.some((s) => s.all.has(t))));
  if (found.size / claim.all.size < MIN_COVERAGE) return null;
  const covered = new Set<string>();
  const picked: number[] = [];
  for (;;) {
    let best = -1;
    let bestGain = 0;
    let bestDistance = Infinity;
    for (const [i, sentence] of own.entries()) {
      if (picked.includes(i)) continue;
      // Distinct terms, so a long sentence repeating one word does not outscore the one that says the claim.
      let plain = 0;
      let key = 0;
      for (const t of sentence.all) {
        if (!claim.all.has(t) || covered.has(t)) continue;
        if (isKey(t, claim, sentence)) key++;
        else plain++;
      }
      const gain = plain + 2 * key;
      if (!gain) continue;
      // Near the sentences already taken: the citation spans everything between them.
      const distance = picked.length ? Math.min(...picked.map((j) => Math.abs(i - j))) : 0;
      if (distance > 1 && !key && plain < MIN_EXTRA_TERMS) continue;
      if (gain > bestGain || (gain === bestGain && distance < bestDistance)) {
        best = i;
        bestGain = gain;
        bestDistance = distance;
      }
    }
    if (best === -1) return picked;
    picked.push(best);
    for (const t of own[best]?.all ?? []) if (claim.all.has(t)) covered.add(t);
  }
}

/**
 * The smallest run of the chunk's sentences that holds, for each claim citing `[n]`, the sentences that
 * together carry its terms (figures and names included). A claim whose terms are mostly in no sentence
 * falls back to the whole chunk (a paraphrase may still be backed by it), unless the marker is stacked
 * with another there: then the other passage is taken to back it, and it narrows nothing.
 */
export function narrowToClaims(answer: string, n: number, chunk: Pick<Chunk, 'start' | 'end' | 'sentenceIds'>, sentences: ReadonlyArray<Sentence>): { start: number; end: number } {
  const whole = { start: chunk.start, end: chunk.end };
  const own = chunk.sentenceIds.map((id) => sentences[id]).filter((s): s is Sentence => s !== undefined);
  const ownTerms = own.map((s) => termsOf(s.cleanText, false));
  const picked: Sentence[] = [];
  for (const claim of claimsOf(answer, n)) {
    const indexes = sentencesForClaim(claim.text, ownTerms);
    if (!indexes && !claim.stacked) return whole;
    for (const i of indexes ?? []) {
      const s = own[i];
      if (s) picked.push(s);
    }
  }
  if (!picked.length) return whole;
  // Clamped to the chunk: the citation must stay inside the passage the model was shown.
  const start = Math.max(chunk.start, Math.min(...picked.map((s) => s.start)));
  const end = Math.min(chunk.end, Math.max(...picked.map((s) => s.end)));
  return start < end ? { start, end } : whole;
}

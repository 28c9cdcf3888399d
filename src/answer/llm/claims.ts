/**
 * @module The claims of a model's answer: split into sentences and list items, and each kept only
 * when it cites a passage it was given and that passage holds its figures. Works on a stream too
 * (ClaimGate): a claim reaches the reader only once it is complete and checked.
 */
import { NUMBER_WORD_VALUES } from '../../text/number-words.ts';
import { toTerm, tokenize } from '../../text/terms.ts';

/** One claim of an answer: a sentence or a list item, with its markers; `sep` is the white space after it. */
export interface Claim {
  body: string;
  sep: string;
  /** Offset of `body` in the answer. */
  from: number;
}

/**
 * Where a claim ends: a sentence end (with markers placed after the full stop, which cite that sentence)
 * before a capital, quote or bullet, so "no. 7" and "cf. section 202" stay whole; or a line break.
 * Each quantifier is bounded by a character the next cannot match, so this stays linear.
 */
const CLAIM_END = /[.!?]["”’)]*(?:[ \t]*\[\d+\])*([ \t]+)(?=[\p{Lu}"“‘'(*•–-])|(\n\s*)/gu;

export function splitClaims(text: string): Claim[] {
  const claims: Claim[] = [];
  let from = 0;
  for (const m of text.matchAll(CLAIM_END)) {
    const sep = m[1] ?? m[2] ?? '';
    const end = m.index + m[0].length;
    // Spaces before a line break are the body's: matching them in CLAIM_END would backtrack on long runs.
    claims.push({ body: text.slice(from, end - sep.length).trimEnd(), sep, from });
    from = end;
  }
  if (from < text.length) claims.push({ body: text.slice(from), sep: '', from });
  return claims;
}

/**
 * Words below which a claim without a figure is taken for a connective ("In short, yes."), not a fact.
 * Set by hand, not tuned on any question set: connectives run to four or five words, facts rarely fewer than six.
 */
const CONNECTIVE_WORDS = 6;

const FIGURE = new RegExp(`\\d|\\b(?:${[...NUMBER_WORD_VALUES.keys()].join('|')})\\b`, 'i');

/** An intro ("The documents say:"), heading or short connective that states nothing to cite. */
export function isConnective(body: string): boolean {
  // A marker, even to a passage not given, shows the model meant a fact.
  if (/\[\d+\]/.test(body)) return false;
  const plain = body.trim();
  if (!plain || plain.endsWith(':')) return true;
  const words = plain.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  // A figure makes a claim a fact even when it is short: "Victims get six months."
  return words.length < CONNECTIVE_WORDS && !FIGURE.test(plain);
}

/** A figure as it can be compared: digits as written, number words as their value. */
function figures(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.match(/\d[\d,.]*\d|\d/g) ?? []) out.add(m.replace(/,/g, ''));
  for (const token of tokenize(text)) {
    const value = NUMBER_WORD_VALUES.get(token);
    if (value !== undefined && value > 1) out.add(String(value));
  }
  return out;
}

/** Whether the passage holds every figure written in digits or English number words that the claim states. */
export function figuresAgree(claim: string, passage: string): boolean {
  const own = figures(passage);
  for (const f of figures(claim.replace(/\[\d+\]/g, ' '))) if (!own.has(f)) return false;
  return true;
}

/**
 * Whether a passage can back a claim: it holds every figure the claim states (a number the passage
 * lacks is the one claim no paraphrase excuses), and shares at least one content word with it.
 */
export function passageBacks(claim: string, passage: string): boolean {
  const claimText = claim.replace(/\[\d+\]/g, ' ');
  if (!figuresAgree(claimText, passage)) return false;
  const passageTerms = new Set(tokenize(passage).map(toTerm).filter((t): t is string => t !== null));
  return tokenize(claimText).some((t) => {
    const term = toTerm(t);
    return term !== null && passageTerms.has(term);
  });
}

/** Citation numbers of the markers in a claim. */
export function markersOf(body: string): number[] {
  return [...body.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}

/**
 * Decides claims as a stream arrives: `push` text and get back the complete claims that pass, with
 * their separators; `flush` decides the last one. `passageOf` gives the text a marker's number stands
 * for, or undefined for a number that stands for nothing. Markers of released claims are renumbered
 * 1, 2, … by first release, so a left-out claim leaves no gap in the numbering.
 */
export class ClaimGate {
  private buffer = '';
  /** Claims left out because nothing backs them. */
  removed = 0;
  /** Marker number as the model wrote it → citation number as released. */
  readonly numbering = new Map<number, number>();
  private pendingSep = '';
  private released = '';

  /**
   * `firstNumber`: the citation number the first released marker gets (after citations the answer
   * already has); `backs`: whether a passage backs a claim (in another language than the passages',
   * only their figures can be compared).
   */
  constructor(
    private readonly passageOf: (n: number) => string | undefined,
    private readonly firstNumber = 1,
    private readonly backs: (claim: string, passage: string) => boolean = passageBacks,
  ) {}

  push(text: string): string {
    this.buffer += text;
    const claims = splitClaims(this.buffer);
    // The last claim may still be growing: only those followed by another are complete.
    const complete = claims.slice(0, -1);
    const last = claims[claims.length - 1];
    this.buffer = last ? this.buffer.slice(last.from) : '';
    return complete.map((c) => this.decide(c)).join('');
  }

  /** Decides what is left; `cut`: the stream ended inside a marker, so the last claim was meant as a cited fact. */
  flush(cut = false): string {
    const claims = splitClaims(this.buffer);
    this.buffer = '';
    return claims.map((c, i) => this.decide(c, cut && i === claims.length - 1)).join('');
  }

  /** Everything released so far, as the reader has it. */
  get text(): string {
    return this.released;
  }

  private decide(claim: Claim, lostMarker = false): string {
    const cited = markersOf(claim.body).filter((n) => {
      const passage = this.passageOf(n);
      return passage !== undefined && this.backs(claim.body, passage);
    });
    if (!cited.length && (lostMarker || !isConnective(claim.body))) {
      this.removed++;
      // A removed claim's line breaks are kept, so paragraphs and lists keep their shape.
      if (claim.sep.split('\n').length > this.pendingSep.split('\n').length) this.pendingSep = claim.sep;
      return '';
    }
    for (const n of cited) if (!this.numbering.has(n)) this.numbering.set(n, this.firstNumber + this.numbering.size);
    // A marker whose passage does not back the claim goes; the "claim ." gap it leaves closes.
    const body = claim.body.replace(/[ \t]*\[(\d+)\]/g, (whole, n: string) => (cited.includes(Number(n)) ? whole.replace(/\d+/, String(this.numbering.get(Number(n)))) : '')).replace(/[ \t]+([.,;:])/g, '$1');
    const out = (this.released ? this.pendingSep : '') + body;
    this.pendingSep = claim.sep;
    this.released += out;
    return out;
  }
}

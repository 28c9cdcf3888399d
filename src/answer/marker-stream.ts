/** @module Streams model text while rewriting citation markers: partial `[1` is held back, unknown numbers dropped, the rest renumbered. */

/**
 * Longest text held back as a possibly unfinished marker. Past it the `[` is shown as text: real markers
 * are short, and holding more would let a stray `[` swallow the stream.
 */
const MAX_PARTIAL_MARKER = 24;

/**
 * What an unfinished marker can look like: digits, commas and spaces after the `[`. One character class,
 * so the test is linear; nested quantifiers here backtracked exponentially on input like `[ , , , x`.
 */
const PARTIAL_MARKER = /^\[[\d\s,]*$/;

/**
 * Feed it model text piece by piece; it returns what is safe to show. A marker `[n]` naming a passage
 * that was given becomes `[m]`, numbered by first use; one naming any other number is dropped.
 */
export class MarkerStream {
  private pending = '';
  /** passage number → citation number, in order of first use. */
  readonly used = new Map<number, number>();
  /**
   * Where in the text returned so far a marker naming an unknown passage was dropped: the claim it sat on
   * was meant as a fact, however short, and has no citation.
   */
  readonly dropped: number[] = [];
  /** Length of the text returned so far. */
  private emitted = 0;

  constructor(private readonly validPassages: ReadonlySet<number>) {}

  push(piece: string): string {
    const out = this.scan(piece);
    this.emitted += out.length;
    return out;
  }

  /** Whatever is still held back, at the end of the stream; a marker cut off after its number (`[2`) is dropped, not shown half. */
  flush(): string {
    const rest = this.pending;
    this.pending = '';
    if (/^\[\s*\d/.test(rest)) {
      this.dropped.push(this.emitted);
      return '';
    }
    this.emitted += rest.length;
    return rest;
  }

  private scan(piece: string): string {
    this.pending += piece;
    let out = '';
    for (;;) {
      const open = this.pending.indexOf('[');
      if (open === -1) {
        out += this.pending;
        this.pending = '';
        return out;
      }
      out += this.pending.slice(0, open);
      this.pending = this.pending.slice(open);
      const match = /^\[(\d{1,3})(?:\s*,\s*(\d{1,3}))*\]/.exec(this.pending);
      if (match) {
        const rewritten = this.rewrite(match[0]);
        if (!rewritten) this.dropped.push(this.emitted + out.length);
        out += rewritten;
        this.pending = this.pending.slice(match[0].length);
        continue;
      }
      if (this.pending.length <= MAX_PARTIAL_MARKER && PARTIAL_MARKER.test(this.pending)) return out;
      out += '[';
      this.pending = this.pending.slice(1);
    }
  }

  private rewrite(marker: string): string {
    const numbers = (marker.match(/\d+/g) ?? []).map(Number).filter((n) => this.validPassages.has(n));
    return numbers
      .map((n) => {
        if (!this.used.has(n)) this.used.set(n, this.used.size + 1);
        return `[${this.used.get(n)}]`;
      })
      .join('');
  }
}

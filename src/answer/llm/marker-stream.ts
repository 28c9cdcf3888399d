/** @module Streams model text without ever showing half a citation marker: a partial `[1` is held back until it closes. */

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
 * Feed it model text piece by piece; it returns what is safe to show: a marker is passed on only whole
 * (`[2, 3]` as `[2][3]`), so a reader never sees half of one. Which markers stand for a passage is
 * the claims' business (claims.ts).
 */
export class MarkerStream {
  private pending = '';
  /** Whether the stream ended inside a marker (`[2`): the claim it ended on lost its citation. */
  cut = false;

  push(piece: string): string {
    return this.scan(piece);
  }

  /** Whatever is still held back, at the end of the stream; a marker cut off after its number (`[2`) is dropped, not shown half. */
  flush(): string {
    const rest = this.pending;
    this.pending = '';
    this.cut = /^\[\s*\d/.test(rest);
    return this.cut ? '' : rest;
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
        out += (match[0].match(/\d+/g) ?? []).map((n) => `[${Number(n)}]`).join('');
        this.pending = this.pending.slice(match[0].length);
        continue;
      }
      if (this.pending.length <= MAX_PARTIAL_MARKER && PARTIAL_MARKER.test(this.pending)) return out;
      out += '[';
      this.pending = this.pending.slice(1);
    }
  }
}

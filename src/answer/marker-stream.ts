/** @module Streams model text while rewriting citation markers: partial `[1` is held back, unknown numbers dropped, the rest renumbered. */

/**
 * Feed it model text piece by piece; it returns what is safe to show. A marker `[n]` naming a passage
 * that was given becomes `[m]`, numbered by first use; one naming any other number is dropped.
 */
export class MarkerStream {
  private pending = '';
  /** passage number → citation number, in order of first use. */
  readonly used = new Map<number, number>();

  constructor(private readonly validPassages: ReadonlySet<number>) {}

  push(piece: string): string {
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
        out += this.rewrite(match[0]);
        this.pending = this.pending.slice(match[0].length);
        continue;
      }
      if (/^\[\d{0,3}(?:\s*,\s*\d{0,3})*\s*$/.test(this.pending)) return out;
      out += '[';
      this.pending = this.pending.slice(1);
    }
  }

  /** Whatever is still held back, at the end of the stream; a marker cut off after its number (`[2`) is dropped, not shown half. */
  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return /^\[\s*\d/.test(rest) ? '' : rest;
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

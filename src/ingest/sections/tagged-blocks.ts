/** @module Pull-quotes, boxes and captions set into the running text, found by layout and punctuation cues. */
import type { Draft } from './draft.ts';
import { blocksIn, endsSentence, isBlank, nextContent, prevContent, snippet, startsLower, startsUpper, wordCount, type Line, type LineSpan } from './lines.ts';

/** The line that names a box's source: `Source: …` or `… Convention …, Article 3.` */
const ATTRIBUTION = /^Source:|\bArticle \d+\.?$/u;
const INSERT_MAX_LINES = 4;
const INSERT_MAX_CHARS = 60;
const CAPTION_MAX_LINES = 3;
const CAPTION_MAX_CHARS = 50;

/**
 * Finds tagged blocks among the running-text lines (`structural` lines are headings, measures, notes and
 * tables, already accounted for). A block is a run of non-blank lines; the rules, first match wins:
 * - a whole-line quotation (opens a line with “, closes at a line end) makes its block a sidebar;
 * - so does a source attribution, or a block made only of questions;
 * - a short block that interrupts a sentence (text before it stops mid-sentence, text after it goes on
 *   in lower case) is a sidebar the layout dropped into the paragraph;
 * - a short stand-alone block without a final stop between two finished paragraphs is a caption or credit.
 */
export function findTaggedBlocks(lines: ReadonlyArray<Line>, structural: (i: number) => boolean): Draft[] {
  const drafts: Draft[] = [];
  for (const block of blocksIn(lines, 0, lines.length - 1, structural)) {
    const kind = classify(lines, block, structural);
    if (!kind) continue;
    const text = lines.slice(block.from, block.to + 1).map((l) => l.trimmed).join(' ');
    const title = kind === 'sidebar' ? `Sidebar: “${lead(lines, block) ?? snippet(text)}”` : `Caption: ${snippet(text)}`;
    drafts.push({ kind, title, from: block.from, to: block.to });
  }
  return drafts;
}

function classify(lines: ReadonlyArray<Line>, block: LineSpan, structural: (i: number) => boolean): 'sidebar' | 'caption' | null {
  const body = lines.slice(block.from, block.to + 1);
  const last = body[body.length - 1]?.trimmed ?? '';
  if (hasWholeLineQuote(body)) return 'sidebar';
  if (body.some((l) => /^Source:/u.test(l.trimmed)) || ATTRIBUTION.test(last)) return 'sidebar';
  if (body.length >= 2 && body.every((l) => l.trimmed.endsWith('?'))) return 'sidebar';

  const standalone = isBlank(lines[block.from - 1]) && isBlank(lines[block.to + 1]);
  const before = prevContent(lines, block.from);
  const after = nextContent(lines, block.to);
  if (!standalone || before === -1 || after === -1 || structural(before) || structural(after)) return null;
  const beforeText = lines[before]?.trimmed ?? '';
  const afterText = lines[after]?.trimmed ?? '';
  const short = (maxLines: number, maxChars: number): boolean => body.length <= maxLines && body.every((l) => l.trimmed.length <= maxChars);

  if (short(INSERT_MAX_LINES, INSERT_MAX_CHARS) && !/[.!?:;]["”’)]*$/u.test(beforeText) && startsLower(afterText)) return 'sidebar';
  const captionLike = startsUpper(body[0]?.trimmed ?? '') && !/[.!?:;,]$/u.test(last) && wordCount(body.map((l) => l.trimmed).join(' ')) >= 2;
  if (short(CAPTION_MAX_LINES, CAPTION_MAX_CHARS) && captionLike && endsSentence(beforeText) && startsUpper(afterText)) return 'caption';
  return null;
}

/** A quotation that opens a line and closes at the end of a line: set apart, not quoted inside a sentence. */
function hasWholeLineQuote(body: ReadonlyArray<Line>): boolean {
  return body.some((line, k) => {
    const open = line.trimmed[0];
    if (open !== '“' && open !== '"') return false;
    const closer = open === '“' ? '”' : '"';
    for (let j = k; j < body.length; j++) {
      const t = body[j]?.trimmed ?? '';
      const close = t.indexOf(closer, j === k ? 1 : 0);
      if (close !== -1) return /^[\s.,!?…]*$/u.test(t.slice(close + 1));
    }
    return false;
  });
}

/** A box's own title line, when it has one: short, no final stop, and the box text starts afresh below it. */
function lead(lines: ReadonlyArray<Line>, block: LineSpan): string | null {
  const first = lines[block.from]?.trimmed ?? '';
  const second = lines[block.from + 1]?.trimmed ?? '';
  const titleLike = first.length <= CAPTION_MAX_CHARS && startsUpper(first) && !/[.!?:;,]$/u.test(first);
  return block.to > block.from && titleLike && startsUpper(second) ? snippet(first) : null;
}

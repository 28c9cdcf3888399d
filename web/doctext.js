// @ts-check
/** @module Shows document text verbatim: finds the section around a passage and renders a range of the text with the passage in a <mark>. */
import { h } from './dom.js';

/** @typedef {import('./api.js').Section} Section */

/**
 * The innermost section holding all of [start, end): the deepest level, then the shortest.
 * @param {Section[]} sections
 * @param {number} start
 * @param {number} end
 * @returns {Section | undefined}
 */
export function sectionAround(sections, start, end) {
  /** @type {Section | undefined} */
  let best;
  for (const s of sections) {
    if (s.start > start || s.end < end) continue;
    if (!best || s.level > best.level || (s.level === best.level && s.end - s.start < best.end - best.start)) best = s;
  }
  return best;
}

/**
 * Renders text[from, to) into `container`, with text[range[0], range[1]) wrapped in a <mark> (a cited passage) or a
 * faintly shaded span (a section within the whole document). The DOM's textContent is exactly the slice: only how
 * line breaks look changes (see isSoftBreak).
 * @param {HTMLElement} container
 * @param {string} text the whole document
 * @param {number} from
 * @param {number} to
 * @param {[number, number] | null} range
 * @param {'mark' | 'section-focus'} kind
 * @returns {HTMLElement | null} the element wrapping the range, if any
 */
export function renderText(container, text, from, to, range, kind) {
  container.replaceChildren();
  if (!range || range[1] <= from || range[0] >= to) {
    appendProse(container, text, from, to);
    return null;
  }
  const [ms, me] = [Math.max(range[0], from), Math.min(range[1], to)];
  appendProse(container, text, from, ms);
  const el = kind === 'mark' ? h('mark') : h('span', { class: 'section-focus' });
  appendProse(el, text, ms, me);
  container.appendChild(el);
  appendProse(container, text, me, to);
  return el;
}

/**
 * Appends text[from, to) (by default all of it); a line break that only wraps a long line (as in the hard-wrapped plan of action) goes in a
 * span that CSS lets reflow like a space, so paragraphs fit any width without altering the text.
 * @param {HTMLElement} parent
 * @param {string} text
 * @param {number} [from]
 * @param {number} [to]
 */
export function appendProse(parent, text, from = 0, to = text.length) {
  let at = from;
  for (let nl = text.indexOf('\n', from); nl !== -1 && nl < to; nl = text.indexOf('\n', nl + 1)) {
    if (!isSoftBreak(text, nl)) continue;
    if (nl > at) parent.appendChild(document.createTextNode(text.slice(at, nl)));
    parent.appendChild(h('span', { class: 'soft-break', text: '\n' }));
    at = nl + 1;
  }
  if (to > at) parent.appendChild(document.createTextNode(text.slice(at, to)));
}

/** A wrap, not a paragraph end: a long line that stops mid-sentence, followed by more prose (not a list item or blank line). */
function isSoftBreak(/** @type {string} */ text, /** @type {number} */ nl) {
  const lineStart = text.lastIndexOf('\n', nl - 1) + 1;
  const line = text.slice(lineStart, nl).trimEnd();
  const nextEnd = text.indexOf('\n', nl + 1);
  const next = text.slice(nl + 1, nextEnd === -1 ? text.length : nextEnd);
  return line.length >= 50 && !/[.!?:;]["”’)]?$/.test(line) && /^\s*\S/.test(next) && !/^\s*(?:[-•*–]|\d+[.)])\s/.test(next);
}

// @ts-check
/** @module The conversation outside the page: kept in localStorage across reloads, and written out as Markdown. */
import { sourceLabel } from './turns.js';

/**
 * @typedef {import('./api.js').AnswerResult} AnswerResult
 * @typedef {import('./api.js').Citation} Citation
 * @typedef {{ id: string, question: string, result: AnswerResult }} SavedTurn
 */

const STORAGE_KEY = 'kilde.conversation.v1';

/** @returns {SavedTurn[]} */
export function loadConversation() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(saved) ? saved.filter(isSavedTurn) : [];
  } catch {
    // Unreadable storage (corrupt, or blocked by the browser) means starting afresh, not failing to start.
    return [];
  }
}

/** @param {SavedTurn[]} turns @returns {boolean} false when the browser would not store it (full, or private mode) */
export function saveConversation(turns) {
  try {
    if (turns.length) localStorage.setItem(STORAGE_KEY, JSON.stringify(turns));
    else localStorage.removeItem(STORAGE_KEY);
    return true;
  } catch {
    return false;
  }
}

/** @param {unknown} value @returns {value is SavedTurn} */
function isSavedTurn(value) {
  if (typeof value !== 'object' || value === null) return false;
  const t = /** @type {Record<string, unknown>} */ (value);
  const r = /** @type {Record<string, unknown> | null} */ (typeof t.result === 'object' ? t.result : null);
  return typeof t.id === 'string' && typeof t.question === 'string' && r !== null && typeof r.answer === 'string' && typeof r.grounded === 'boolean' && Array.isArray(r.citations) && r.citations.every(isCitation) && Array.isArray(r.related) && r.related.every(isCitation) && typeof r.searchedFor === 'string';
}

/** @param {unknown} value */
function isCitation(value) {
  if (typeof value !== 'object' || value === null) return false;
  const c = /** @type {Record<string, unknown>} */ (value);
  return typeof c.n === 'number' && typeof c.docId === 'string' && typeof c.docTitle === 'string' && Array.isArray(c.sectionPath) && typeof c.start === 'number' && typeof c.end === 'number' && typeof c.text === 'string';
}

/** The whole conversation as a Markdown file, each answer followed by the passages it quotes. @param {SavedTurn[]} turns @param {Date} when */
export function conversationMarkdown(turns, when) {
  const header = [
    '# Kilde conversation',
    '',
    `Exported ${when.toISOString().slice(0, 16).replace('T', ' ')} UTC. Answers come only from five documents about human trafficking in Norway; each reference quotes the cited passage verbatim.`,
  ];
  return [...header, ...turns.flatMap((t) => ['', `## ${oneLine(t.question)}`, '', answerMarkdown(t.result)])].join('\n') + '\n';
}

/** One answer with its references, as copied by the Copy answer button. @param {AnswerResult} result */
export function answerMarkdown(result) {
  const lines = [];
  if (!result.grounded) lines.push('> **The documents don’t answer this.**', '');
  lines.push(result.answer.trim());
  if (result.notice) lines.push('', `*Note: ${oneLine(result.notice)}*`);
  if (result.citations.length) lines.push('', '**References**', '', ...result.citations.flatMap(reference));
  if (!result.grounded && result.related.length) lines.push('', '**Nearest passages (not an answer)**', '', ...result.related.flatMap(reference));
  return lines.join('\n').trimEnd();
}

/** @param {Citation} c */
function reference(c) {
  return [`[${c.n}] ${sourceLabel(c)} (${c.docId}, characters ${c.start}–${c.end})`, '', ...c.text.split('\n').map((line) => `> ${line}`.trimEnd()), ''];
}

/** @param {string} text */
function oneLine(text) {
  return text.replace(/\s+/g, ' ').trim();
}

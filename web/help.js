// @ts-check
/** @module The help card: who can help a person in need, verbatim from the documents, phone numbers as tel: links, each with its source. */
import { getJson } from './api.js';
import { button, h } from './dom.js';

/** @typedef {import('./api.js').Citation} Citation */

const STORE_KEY = 'kilde-help';

/**
 * A phone number as written in the documents: “(+47) 22 33 11 60”, “112”, “116 111”, “00 47 95 41 17 55”.
 * Digit groups joined by single spaces, at least three digits in all, optionally after “(+47)” or “+47”;
 * never digits inside a word or an e-mail address (“alarm@116111.no”).
 */
const PHONE = /(?<![\p{L}\p{N}@.])(?:\(\+\d{1,3}\)\s?|\+\d{1,3}\s)?\d{2,}(?: \d{2,})*(?![\p{L}\p{N}@]|\.\p{L})/gu;

/** The text with each phone number a tel: link. @param {string} text @returns {Array<Node | string>} */
export function withPhoneLinks(text) {
  /** @type {Array<Node | string>} */
  const out = [];
  let at = 0;
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/[^\d+]/g, '');
    if (digits.replace('+', '').length < 3) continue;
    out.push(text.slice(at, m.index), h('a', { class: 'tel', text: m[0], attrs: { href: `tel:${digits}` } }));
    at = (m.index ?? 0) + m[0].length;
  }
  out.push(text.slice(at));
  return out.filter((part) => part !== '');
}

/**
 * The card. `dataKey` names the data attribute its source buttons carry: `citation` in an answer (the
 * contacts are the answer's first citations), `help` in the panel.
 * @param {Citation[]} contacts
 * @param {'citation' | 'help'} dataKey
 */
export function helpCard(contacts, dataKey) {
  return h(
    'section',
    { class: 'help-card', attrs: { 'aria-label': 'Who can help now' } },
    h('h4', { class: 'help-title', text: 'Who can help now' }),
    h(
      'ul',
      { class: 'help-list' },
      ...contacts.map((c) =>
        h(
          'li',
          {},
          ...withPhoneLinks(c.text.replace(/\s+/g, ' ').replace(/^[-•–]\s*/, '').trim()),
          ' ',
          button(String(c.n), { class: 'chip', data: { [dataKey]: String(c.n) }, attrs: { 'aria-label': `Source of help contact ${c.n}`, title: 'Show where the documents say this' } }),
        ),
      ),
    ),
  );
}

/** The help contacts: from the server, kept in this browser so the card opens even when the server cannot be reached. */
export async function loadHelp() {
  try {
    const { help } = /** @type {{ help: Citation[] }} */ (await getJson('/api/help'));
    localStorage.setItem(STORE_KEY, JSON.stringify(help));
    return help;
  } catch {
    return cachedHelp();
  }
}

/** @returns {Citation[]} */
export function cachedHelp() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE_KEY) ?? '[]');
    return Array.isArray(saved) ? saved : [];
  } catch {
    return [];
  }
}

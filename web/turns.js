// @ts-check
/** @module Renders one question and its answer: prose with citation chips, sources, nearest passages, notices and errors. */
import { appendProse } from './doctext.js';
import { button, h } from './dom.js';
import { helpCard } from './help.js';

/**
 * @typedef {import('./api.js').Citation} Citation
 * @typedef {import('./api.js').AnswerResult} AnswerResult
 * @typedef {import('./api.js').ErrorKind | 'stopped'} TurnErrorKind
 * @typedef {{ kind: TurnErrorKind, message: string, retryAt?: number }} TurnError
 * @typedef {{ id: string, question: string, status: 'loading' | 'streaming' | 'done' | 'error', text: string, help?: Citation[], result?: AnswerResult, error?: TurnError }} Turn
 */

const ERROR_TITLES = /** @type {const} */ ({
  network: 'Can’t reach the server.',
  rate_limited: 'Please wait a moment.',
  invalid: 'Question not accepted.',
  server: 'Something went wrong.',
  interrupted: 'The answer was cut off.',
  stopped: 'Stopped.',
});

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A document date as a reader writes it: “2006-06-05” → “5 June 2006”, “2010-03” → “March 2010”. @param {string | null | undefined} date */
export function readableDate(date) {
  if (!date) return null;
  const [year, month, day] = date.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (day && monthName) return `${Number(day)} ${monthName} ${year}`;
  return monthName ? `${monthName} ${year}` : (year ?? null);
}

/** “2006 TIP Report (5 June 2006) › Norway (Tier 1) › Protection”: where a cited passage sits, and when it was written. @param {Citation} c */
export function sourceLabel(c) {
  const when = readableDate(c.docDate);
  return [when && !c.docTitle.includes(when) ? `${c.docTitle} (${when})` : c.docTitle, ...c.sectionPath].join(' › ');
}

/** A new list item for a turn. @param {Turn} turn @returns {HTMLLIElement} */
export function turnView(turn) {
  const labelId = `answer-label-${turn.id}`;
  const li = h(
    'li',
    { class: 'turn', data: { turn: turn.id } },
    h('div', { class: 'question' }, h('h2', { class: 'visually-hidden', text: 'You asked' }), h('p', { class: 'question-text', text: turn.question })),
    h(
      'article',
      { class: 'answer', attrs: { 'aria-labelledby': labelId } },
      h('h3', { class: 'answer-label', attrs: { id: labelId } }),
      h('p', { class: 'answer-loading' }, h('span', { class: 'dots', attrs: { 'aria-hidden': 'true' } }), 'Searching the documents…'),
      h('div', { class: 'answer-help' }),
      // Screen readers wait while aria-busy is set, then read the finished answer once instead of word by word.
      h('div', { class: 'answer-text', attrs: { 'aria-live': 'polite' } }),
      h('div', { class: 'answer-extra' }),
    ),
  );
  updateTurn(li, turn);
  return li;
}

/**
 * Brings a turn's view up to date in place, so the live region survives and is announced when it changes.
 * @param {HTMLElement} li
 * @param {Turn} turn
 */
export function updateTurn(li, turn) {
  const article = /** @type {HTMLElement} */ (li.querySelector('.answer'));
  const result = turn.status === 'done' ? turn.result : undefined;
  const grounded = result ? result.grounded : true;
  article.dataset.state = turn.status;
  article.dataset.grounded = String(grounded);
  /** @type {HTMLElement} */ (article.querySelector('.answer-label')).textContent = labelText(turn, grounded);
  /** @type {HTMLElement} */ (article.querySelector('.answer-loading')).hidden = turn.status !== 'loading';

  // A person asking for help sees who can help first, as a card; the answer's own opening list of the
  // same contacts is not repeated under it.
  const help = result?.help ?? turn.help;
  const helpSlot = /** @type {HTMLElement} */ (article.querySelector('.answer-help'));
  if (help?.length) {
    if (!helpSlot.firstChild) helpSlot.append(helpCard(help, 'citation'));
  } else helpSlot.replaceChildren();
  const prose = (/** @type {string} */ answer) => (help?.length ? answer.split(/\n\s*\n/).slice(1).join('\n\n') : answer);

  const text = /** @type {HTMLElement} */ (article.querySelector('.answer-text'));
  text.setAttribute('aria-busy', String(turn.status === 'loading' || turn.status === 'streaming'));
  if (result) renderAnswerText(text, prose(result.answer), result.citations);
  else if (turn.status === 'streaming') renderAnswerText(text, prose(turn.text), null);
  else text.replaceChildren();

  const extra = /** @type {HTMLElement} */ (article.querySelector('.answer-extra'));
  extra.replaceChildren();
  if (result?.notice) extra.append(h('p', { class: 'notice', attrs: { role: 'note' } }, h('strong', { text: 'Note: ' }), result.notice));
  if (result && result.citations.length) extra.append(sourceList(result.citations));
  if (result && !result.grounded && result.related.length) extra.append(relatedList(result.related));
  if (result) extra.append(answerFooter(turn, result));
  if (turn.status === 'error' && turn.error) extra.append(errorView(turn.error));
}

/** @param {Turn} turn @param {boolean} grounded */
function labelText(turn, grounded) {
  if (turn.status === 'error') return 'No answer';
  if (turn.status !== 'done') return 'Answering…';
  return grounded ? 'Answer from the documents' : 'The documents don’t answer this';
}

/**
 * Light formatting for answer prose: paragraphs, “- ” and “1. ” lists, **bold**, and [n] citation markers as chips.
 * `citations` is null while streaming: markers then show as chips that cannot be opened yet.
 * @param {HTMLElement} container
 * @param {string} text
 * @param {Citation[] | null} citations
 */
function renderAnswerText(container, text, citations) {
  container.replaceChildren();
  for (const block of text.split(/\n\s*\n/)) {
    /** @type {HTMLElement | null} */
    let list = null;
    /** @type {HTMLElement | null} */
    let paragraph = null;
    for (const line of block.split('\n')) {
      if (!line.trim()) continue;
      const item = /^\s*(?:([-*•])|(\d+)[.)])\s+(.*)$/.exec(line);
      if (item) {
        const tag = item[1] ? 'ul' : 'ol';
        if (!list || list.tagName.toLowerCase() !== tag) container.append((list = h(tag)));
        paragraph = null;
        const li = h('li');
        appendInline(li, item[3] ?? '', citations);
        list.append(li);
      } else {
        list = null;
        if (paragraph) paragraph.append(h('br'));
        else container.append((paragraph = h('p')));
        appendInline(paragraph, line, citations);
      }
    }
  }
}

/** @param {HTMLElement} parent @param {string} text @param {Citation[] | null} citations */
function appendInline(parent, text, citations) {
  const token = /\[(\d+(?:\s*,\s*\d+)*)\]|\*\*(.+?)\*\*/g;
  let at = 0;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const [whole, numbers, bold] = m;
    const chips = numbers ? numbers.split(',').map((n) => chip(Number(n), citations)) : [];
    // A marker naming no citation is left as the writer put it, not turned into a dead chip.
    if (numbers && chips.some((c) => c === null)) continue;
    parent.append(text.slice(at, m.index));
    if (bold !== undefined) parent.append(h('strong', { text: bold }));
    for (const c of chips) if (c) parent.append(c);
    at = m.index + whole.length;
  }
  parent.append(text.slice(at));
}

/** @param {number} n @param {Citation[] | null} citations @returns {HTMLElement | null} */
function chip(n, citations) {
  if (citations === null) return h('span', { class: 'chip pending', text: String(n), attrs: { 'aria-hidden': 'true' } });
  const c = citations.find((x) => x.n === n);
  if (!c) return null;
  const label = sourceLabel(c);
  return button(String(n), { class: 'chip', data: { citation: String(n) }, attrs: { 'aria-label': `Source ${n}: ${label}`, title: label } });
}

/** @param {Citation[]} citations */
function sourceList(citations) {
  return h(
    'section',
    { class: 'sources', attrs: { 'aria-label': 'Sources' } },
    h('h4', { class: 'list-title', text: 'Sources' }),
    h(
      'ol',
      { class: 'source-list' },
      ...citations.map((c) =>
        h(
          'li',
          {},
          h('button', { class: 'source-link', data: { source: String(c.n) }, attrs: { type: 'button' } }, h('span', { class: 'source-n', text: String(c.n), attrs: { 'aria-hidden': 'true' } }), h('span', { class: 'visually-hidden', text: `Source ${c.n}: ` }), sourceLabel(c)),
        ),
      ),
    ),
  );
}

/** @param {Citation[]} related */
function relatedList(related) {
  return h(
    'section',
    { class: 'related', attrs: { 'aria-label': 'Nearest passages' } },
    h('h4', { class: 'list-title', text: 'Nearest passages' }),
    h('p', { class: 'related-note', text: 'These came closest, but they do not answer the question. Read them as pointers, not as an answer.' }),
    h(
      'ol',
      { class: 'related-list' },
      ...related.map((c) =>
        h(
          'li',
          {},
          quote(c.text),
          h('button', { class: 'source-link', data: { related: String(c.n) }, attrs: { type: 'button' } }, h('span', { class: 'visually-hidden', text: 'Show in context: ' }), sourceLabel(c)),
        ),
      ),
    ),
  );
}

/** A passage as the document has it, its hard-wrapped lines reflowed like in the source panel. @param {string} text */
function quote(text) {
  const el = h('blockquote', { class: 'related-quote' });
  appendProse(el, text);
  return el;
}

/** @param {Turn} turn @param {AnswerResult} result */
function answerFooter(turn, result) {
  const searched = result.searchedFor.trim();
  const differs = searched && searched.toLowerCase() !== turn.question.trim().toLowerCase();
  return h(
    'div',
    { class: 'answer-footer' },
    button('Copy answer', { class: 'quiet-button', data: { action: 'copy' } }),
    differs ? h('p', { class: 'searched-for' }, 'Searched for: ', h('q', { text: searched })) : null,
  );
}

/** @param {TurnError} error */
function errorView(error) {
  const waiting = error.retryAt !== undefined && error.retryAt > Date.now();
  return h(
    'div',
    // Stopping is the reader's choice, not a failure: it gets a calm look.
    { class: error.kind === 'stopped' ? 'answer-error stopped' : 'answer-error' },
    h('p', { attrs: { role: 'alert' } }, h('strong', { text: ERROR_TITLES[error.kind] }), ' ', error.message),
    h(
      'p',
      { class: 'retry-row' },
      button('Try again', { class: 'quiet-button', data: { action: 'retry' }, ...(waiting ? { attrs: { disabled: '' } } : {}) }),
      // Outside the alert, so the ticking countdown is not announced every second.
      error.retryAt !== undefined ? h('span', { class: 'countdown', text: countdownText(error.retryAt) }) : null,
    ),
  );
}

/** @param {number} retryAt */
export function countdownText(retryAt) {
  const seconds = Math.ceil((retryAt - Date.now()) / 1000);
  return seconds > 0 ? `You can ask again in ${seconds} s.` : 'You can ask again now.';
}

// @ts-check
/** @module The chat page: wires the composer, the conversation, the source panel and the toolbar together. */
import { ApiError, MAX_QUESTION_CHARS, chatMessages, getDocuments, streamChat } from './api.js';
import { answerMarkdown, conversationMarkdown, loadConversation, saveConversation } from './conversation.js';
import { h } from './dom.js';
import { cachedHelp, loadHelp } from './help.js';
import { createPanel } from './panel.js';
import { countdownText, turnView, updateTurn } from './turns.js';

/**
 * @typedef {import('./turns.js').Turn} Turn
 * @typedef {import('./turns.js').TurnError} TurnError
 * @typedef {import('./api.js').ChatEvent} ChatEvent
 * @typedef {import('./api.js').ChatMessage} ChatMessage
 * @typedef {import('./conversation.js').SavedTurn} SavedTurn
 */

/** @template {HTMLElement} T @param {string} id @param {new () => T} type @returns {T} */
function byId(id, type) {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`the page lacks #${id}`);
  return el;
}

const els = {
  topbar: byId('topbar', HTMLElement),
  main: byId('main', HTMLElement),
  conversation: byId('conversation', HTMLElement),
  empty: byId('empty', HTMLElement),
  turns: byId('turns', HTMLOListElement),
  form: byId('composer', HTMLFormElement),
  question: byId('question', HTMLTextAreaElement),
  send: byId('send-button', HTMLButtonElement),
  stop: byId('stop-button', HTMLButtonElement),
  count: byId('composer-count', HTMLElement),
  composerError: byId('composer-error', HTMLElement),
  documents: byId('documents-button', HTMLButtonElement),
  help: byId('help-button', HTMLButtonElement),
  browse: byId('browse-button', HTMLButtonElement),
  exportButton: byId('export-button', HTMLButtonElement),
  newChat: byId('new-chat-button', HTMLButtonElement),
  docNames: byId('doc-names', HTMLElement),
  announcer: byId('announcer', HTMLElement),
};

/** Below this width the panel covers the page, so the page behind it is made inert. Matches chat.css. */
const phone = window.matchMedia('(max-width: 760px)');

/** @type {Turn[]} */
let turns = loadConversation().map((t) => ({ ...t, status: /** @type {const} */ ('done'), text: t.result.answer }));
/** @type {{ turn: Turn, controller: AbortController } | null} */
let active = null;
/** Until when the server asked us to wait (429 Retry-After), in ms since the epoch. */
let waitUntil = 0;
/** Follow the growing answer only while the reader is at the bottom, not after they scrolled up to read. */
let followBottom = true;

const panel = createPanel({
  panel: byId('panel', HTMLElement),
  title: byId('panel-title', HTMLElement),
  body: byId('panel-body', HTMLElement),
  closeButton: byId('panel-close', HTMLButtonElement),
  onToggle: syncPanelState,
});

function syncPanelState() {
  const open = panel.isOpen();
  els.documents.setAttribute('aria-expanded', String(open && panel.mode() === 'documents'));
  // On a phone the panel is a full-screen sheet: keep focus and the screen reader inside it.
  const sheet = open && phone.matches;
  els.main.inert = sheet;
  els.topbar.inert = sheet;
}
phone.addEventListener('change', syncPanelState);

// --- The conversation ----------------------------------------------------------------------------------------------

function renderAll() {
  els.turns.replaceChildren(...turns.map(turnView));
  syncChrome();
}

/** What depends on whether there is a conversation at all. */
function syncChrome() {
  els.empty.hidden = turns.length > 0;
  els.exportButton.disabled = !turns.some((t) => t.status === 'done');
}

/** @param {Turn} turn */
function viewOf(turn) {
  return els.turns.querySelector(`li[data-turn="${turn.id}"]`);
}

/** @param {Turn} turn */
function refresh(turn) {
  const li = viewOf(turn);
  if (li instanceof HTMLElement) updateTurn(li, turn);
  if (followBottom) scrollToEnd();
}

/** Streamed words arrive faster than the screen refreshes: draw at most once a frame. */
/** @type {Set<Turn>} */
const pendingFrames = new Set();
/** @param {Turn} turn */
function refreshSoon(turn) {
  if (pendingFrames.has(turn)) return;
  pendingFrames.add(turn);
  requestAnimationFrame(() => {
    pendingFrames.delete(turn);
    refresh(turn);
  });
}

function scrollToEnd() {
  els.conversation.scrollTop = els.conversation.scrollHeight;
}

els.conversation.addEventListener('scroll', () => {
  const c = els.conversation;
  followBottom = c.scrollHeight - c.scrollTop - c.clientHeight < 48;
});

/** @returns {SavedTurn[]} */
function answeredTurns() {
  return turns.flatMap((t) => (t.status === 'done' && t.result ? [{ id: t.id, question: t.question, result: t.result }] : []));
}

function persist() {
  if (!saveConversation(answeredTurns())) announce('This browser would not save the conversation; it will be lost on reload.');
}

/** @param {string} message */
function announce(message) {
  els.announcer.textContent = '';
  // A fresh text node after a tick, so the same message twice is still announced.
  setTimeout(() => (els.announcer.textContent = message), 50);
}

// --- Asking ----------------------------------------------------------------------------------------------------------

/** @param {string} raw */
function ask(raw) {
  const question = raw.trim();
  if (!question) return composerError('Type a question first.');
  if (question.length > MAX_QUESTION_CHARS) return composerError(`A question can be at most ${MAX_QUESTION_CHARS} characters; this one has ${question.length}.`);
  if (active) return composerError('Wait for the current answer to finish, or stop it.');
  if (Date.now() < waitUntil) return composerError(`The server asked for a pause. ${countdownText(waitUntil)}`);
  composerError(null);
  els.question.value = '';
  updateCount();
  /** @type {Turn} */
  const turn = { id: newId(), question, status: 'loading', text: '' };
  turns.push(turn);
  els.turns.append(turnView(turn));
  syncChrome();
  followBottom = true;
  scrollToEnd();
  void run(turn);
}

/** @param {Turn} turn */
async function run(turn) {
  const controller = new AbortController();
  active = { turn, controller };
  setBusy(true);
  announce('Searching the documents…');
  const history = turns.slice(0, turns.indexOf(turn)).flatMap((t) =>
    t.status === 'done' && t.result ? [/** @type {ChatMessage} */ ({ role: 'user', content: t.question }), /** @type {ChatMessage} */ ({ role: 'assistant', content: t.result.answer })] : [],
  );
  try {
    const result = await streamChat(chatMessages(history, turn.question), { signal: controller.signal, onEvent: (event) => onEvent(turn, event) });
    turn.result = result;
    turn.status = 'done';
    refresh(turn);
    persist();
  } catch (error) {
    turn.status = 'error';
    turn.error = describeError(error, controller.signal.aborted);
    if (turn.error.retryAt) startCountdown(turn.error.retryAt);
    refresh(turn);
  } finally {
    // A new chat may have started another answer meanwhile; only the current one owns the busy state.
    if (active?.turn === turn) {
      active = null;
      setBusy(false);
    }
    syncChrome();
  }
}

/** @param {Turn} turn @param {ChatEvent} event */
function onEvent(turn, event) {
  if (event.type === 'delta') {
    turn.status = 'streaming';
    turn.text += event.text;
    refreshSoon(turn);
  } else if (event.type === 'reset') {
    turn.text = '';
    refreshSoon(turn);
  } else if (event.type === 'help') {
    turn.help = event.help;
    refreshSoon(turn);
  }
}

/** @param {unknown} error @param {boolean} stopped @returns {TurnError} */
function describeError(error, stopped) {
  if (stopped) return { kind: 'stopped', message: 'You stopped this answer.' };
  if (error instanceof ApiError) {
    if (error.kind === 'rate_limited') {
      const retryAt = Date.now() + (error.retryAfter ?? 10) * 1000;
      waitUntil = retryAt;
      return { kind: 'rate_limited', message: error.message, retryAt };
    }
    return { kind: error.kind, message: error.message };
  }
  return { kind: 'server', message: 'The page hit an unexpected problem. Please try again.' };
}

/** @type {ReturnType<typeof setInterval> | undefined} */
let countdownTimer;
/** @param {number} until */
function startCountdown(until) {
  clearInterval(countdownTimer);
  countdownTimer = setInterval(() => {
    for (const el of els.turns.querySelectorAll('.countdown')) el.textContent = countdownText(until);
    if (Date.now() >= until) {
      clearInterval(countdownTimer);
      for (const b of els.turns.querySelectorAll('[data-action="retry"]')) if (b instanceof HTMLButtonElement) b.disabled = false;
    }
  }, 1000);
}

/** @param {boolean} busy */
function setBusy(busy) {
  els.send.hidden = busy;
  els.stop.hidden = !busy;
  // The stop button takes the send button's place; keep keyboard focus from falling off the page.
  if (busy && document.activeElement === els.send) els.stop.focus();
  if (!busy && document.activeElement === els.stop) els.send.focus();
}

/** @param {Turn} turn */
function retry(turn) {
  if (active || Date.now() < waitUntil) return;
  turns = [...turns.filter((t) => t !== turn), turn];
  turn.status = 'loading';
  turn.text = '';
  delete turn.error;
  const li = viewOf(turn);
  if (li) els.turns.append(li);
  refresh(turn);
  els.question.focus();
  void run(turn);
}

// --- Composer --------------------------------------------------------------------------------------------------------

els.form.addEventListener('submit', (event) => {
  event.preventDefault();
  ask(els.question.value);
});

els.question.addEventListener('keydown', (event) => {
  // Enter sends; Shift+Enter (and Enter while an input method is composing) writes a new line.
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    els.form.requestSubmit();
  }
});

els.question.addEventListener('input', () => {
  updateCount();
  if (!els.composerError.hidden) composerError(null);
});

els.stop.addEventListener('click', () => active?.controller.abort());

function updateCount() {
  const n = els.question.value.trim().length;
  els.count.hidden = n < MAX_QUESTION_CHARS * 0.8;
  els.count.textContent = `${n} / ${MAX_QUESTION_CHARS}`;
  els.count.classList.toggle('over', n > MAX_QUESTION_CHARS);
}

/** @param {string | null} message */
function composerError(message) {
  els.composerError.hidden = message === null;
  els.composerError.textContent = message ?? '';
  els.question.setAttribute('aria-invalid', String(message !== null));
}

// --- Clicks inside the conversation -----------------------------------------------------------------------------------

els.turns.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('button') : null;
  const li = target?.closest('li[data-turn]');
  const turn = turns.find((t) => t.id === (li instanceof HTMLElement ? li.dataset.turn : undefined));
  if (!target || !turn) return;
  const { citation, source, related, action } = target.dataset;
  const result = turn.result;
  if (citation || source) {
    // While an answer to a person asking for help streams, its help card's sources already open.
    const n = Number(citation ?? source);
    const c = (result?.citations ?? turn.help ?? []).find((x) => x.n === n);
    if (c) void panel.showCitation(c, `Source ${n}`);
  } else if (result && related) {
    const c = result.related.find((x) => x.n === Number(related));
    if (c) void panel.showCitation(c, `Nearest passage ${c.n}`);
  } else if (result && action === 'copy') {
    void copy(target, answerMarkdown(result));
  } else if (action === 'retry') {
    retry(turn);
  }
});

/** @param {HTMLButtonElement} button @param {string} text */
async function copy(button, text) {
  const ok = await writeClipboard(text);
  if (document.activeElement !== button) button.focus();
  button.textContent = ok ? 'Copied' : 'Copy failed';
  announce(ok ? 'Answer and references copied.' : 'The browser did not allow copying.');
  setTimeout(() => (button.textContent = 'Copy answer'), 2000);
}

/** @param {string} text */
async function writeClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The async clipboard needs a secure context (https or localhost); fall back to a selected hidden textarea.
    const area = h('textarea', { class: 'visually-hidden', attrs: { readonly: '', 'aria-hidden': 'true' } });
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

// --- Toolbar and empty screen ----------------------------------------------------------------------------------------

els.empty.addEventListener('click', (event) => {
  const example = event.target instanceof Element ? event.target.closest('[data-example]') : null;
  if (!example) return;
  ask(example.textContent ?? '');
  // The examples disappear with the empty screen; the question box is where the reader goes on.
  els.question.focus();
});

/** Who can help: loaded at start and kept in this browser, so the card opens even when the server cannot be reached. */
let helpContacts = cachedHelp();
void loadHelp().then((contacts) => (helpContacts = contacts));

els.help.addEventListener('click', () => {
  if (panel.isOpen() && panel.mode() === 'help') panel.close();
  else panel.showHelp(helpContacts);
});

for (const button of [els.documents, els.browse]) {
  button.addEventListener('click', () => {
    if (button === els.documents && panel.isOpen() && panel.mode() === 'documents') panel.close();
    else void panel.showDocuments();
  });
}

els.newChat.addEventListener('click', () => {
  active?.controller.abort();
  active = null;
  setBusy(false);
  turns = [];
  persist();
  renderAll();
  composerError(null);
  panel.close();
  els.question.focus();
  announce('Started a new chat.');
});

els.exportButton.addEventListener('click', () => {
  const now = new Date();
  const url = URL.createObjectURL(new Blob([conversationMarkdown(answeredTurns(), now)], { type: 'text/markdown;charset=utf-8' }));
  const link = h('a', { attrs: { href: url, download: `kilde-conversation-${now.toISOString().slice(0, 10)}.md` } });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by the next tick; the object URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  announce('Conversation exported as Markdown.');
});

function newId() {
  return crypto.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

// --- Start -----------------------------------------------------------------------------------------------------------

renderAll();
if (turns.length) scrollToEnd();
getDocuments()
  .then((docs) => (els.docNames.textContent = `Sources: ${docs.map((d) => d.shortTitle).join(', ')}.`))
  .catch(() => {
    // The static sentence already in the page stands in; the panel shows the error if the reader opens it.
  });

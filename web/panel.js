// @ts-check
/** @module The side panel (a full-screen sheet on phones): a cited passage in its section, a section, a whole document, or the document list. */
import { getDocument, getDocuments } from './api.js';
import { append, button, h } from './dom.js';
import { renderText, sectionAround } from './doctext.js';
import { helpCard } from './help.js';

/**
 * @typedef {import('./api.js').Citation} Citation
 * @typedef {import('./api.js').KildeDocument} KildeDocument
 * @typedef {import('./api.js').DocumentSummary} DocumentSummary
 * @typedef {import('./api.js').Section} Section
 * @typedef {{ doc: KildeDocument, section: Section | undefined, mark: Citation | null, whole: boolean }} SourceView
 */

/**
 * @param {{ panel: HTMLElement, title: HTMLElement, body: HTMLElement, closeButton: HTMLElement, onToggle: (open: boolean) => void }} els
 */
export function createPanel({ panel, title, body, closeButton, onToggle }) {
  /** Where focus goes back to when the panel closes. @type {HTMLElement | null} */
  let opener = null;
  /** Each show() bumps this, so a slow document load cannot overwrite what the reader asked for since. */
  let generation = 0;
  /** @type {'documents' | 'source' | 'help' | null} */
  let mode = null;

  closeButton.addEventListener('click', () => close());
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });

  /** @param {string} heading @param {'documents' | 'source' | 'help'} nextMode */
  function open(heading, nextMode) {
    const active = document.activeElement;
    if (active instanceof HTMLElement && !panel.contains(active)) opener = active;
    mode = nextMode;
    title.textContent = heading;
    if (panel.hidden) {
      panel.hidden = false;
      onToggle(true);
    }
    title.focus();
    return ++generation;
  }

  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    mode = null;
    generation++;
    onToggle(false);
    if (opener?.isConnected) opener.focus();
    opener = null;
  }

  /**
   * Loads something for the panel, showing progress and a retry on failure; resolves undefined if superseded or failed.
   * @template T
   * @param {number} ticket
   * @param {() => Promise<T>} load
   * @param {() => void} retry
   * @returns {Promise<T | undefined>}
   */
  async function loading(ticket, load, retry) {
    body.dataset.mode = 'status';
    body.replaceChildren(h('p', { class: 'panel-status', text: 'Loading…' }));
    try {
      const value = await load();
      return ticket === generation ? value : undefined;
    } catch (error) {
      if (ticket !== generation) return undefined;
      const message = error instanceof Error ? error.message : String(error);
      const again = button('Try again', { class: 'quiet-button' });
      again.addEventListener('click', retry);
      body.replaceChildren(h('div', { class: 'answer-error' }, h('p', { attrs: { role: 'alert' } }, h('strong', { text: 'Couldn’t load this. ' }), message), again));
      return undefined;
    }
  }

  /**
   * The help card on its own, at any time and without a question; each contact's source opens from it.
   * @param {Citation[]} contacts
   */
  function showHelp(contacts) {
    open('Need help now?', 'help');
    body.dataset.mode = 'help';
    const card = contacts.length
      ? helpCard(contacts, 'help')
      : h('p', { class: 'panel-status', text: 'The help contacts could not be loaded yet. They are kept in this browser once the page has reached the server.' });
    card.addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target.closest('button[data-help]') : null;
      const contact = contacts.find((c) => target instanceof HTMLElement && String(c.n) === target.dataset.help);
      if (contact) void showCitation(contact, `Help contact ${contact.n}`);
    });
    body.replaceChildren(card);
  }

  /** Opens a cited passage inside its section. @param {Citation} citation @param {string} heading */
  async function showCitation(citation, heading) {
    const ticket = open(heading, 'source');
    const doc = await loading(ticket, () => getDocument(citation.docId), () => showCitation(citation, heading));
    if (!doc) return;
    renderSource({ doc, section: sectionAround(doc.sections, citation.start, citation.end), mark: citation, whole: false });
  }

  /** @param {string} docId @param {string | null} sectionId null for the whole document */
  async function showSection(docId, sectionId) {
    const ticket = open(sectionId ? 'Section' : 'Document', 'source');
    const doc = await loading(ticket, () => getDocument(docId), () => showSection(docId, sectionId));
    if (!doc) return;
    const section = doc.sections.find((s) => s.id === sectionId);
    renderSource({ doc, section, mark: null, whole: !section });
  }

  /** @param {SourceView} view @param {boolean} [keepFocus] after the reader toggled the view: focus stays on the toggle */
  function renderSource(view, keepFocus = false) {
    const { doc, section, mark, whole } = view;
    const path = section?.path ?? mark?.sectionPath ?? [];
    const from = whole || !section ? 0 : section.start;
    const to = whole || !section ? doc.text.length : section.end;
    const exact = mark ? doc.text.slice(mark.start, mark.end) === mark.text : true;

    const text = h('div', { class: 'source-text', attrs: { tabindex: '0', role: 'region', 'aria-label': whole ? `Full text of ${doc.shortTitle}` : `Text of ${path.at(-1) ?? doc.shortTitle}` } });
    const toggle = section
      ? button(whole ? 'Show only this section' : 'Show the whole document', { class: 'quiet-button' })
      : null;
    toggle?.addEventListener('click', () => renderSource({ ...view, whole: !whole }, true));
    const toList = button('All documents', { class: 'quiet-button' });
    toList.addEventListener('click', () => showDocuments());

    // The text scrolls on its own below the breadcrumb, so where the passage sits stays in sight.
    body.dataset.mode = 'source';
    body.replaceChildren();
    append(body, [
      h('nav', { class: 'breadcrumb', attrs: { 'aria-label': 'Where this is' } }, h('ol', {}, h('li', { text: doc.shortTitle }), ...(whole ? [] : path.map((p) => h('li', { text: p }))))),
      // Clamped to two lines to leave room for the text; the title attribute keeps the rest within reach.
      h('p', { class: 'doc-meta', text: meta(doc), attrs: { title: meta(doc) } }),
      mark
        ? h('p', { class: exact ? 'cite-note' : 'cite-note cite-warning', attrs: exact ? {} : { role: 'alert' } }, exact ? 'The highlighted passage is exactly as the document has it.' : 'The cited passage does not match the document text; it may have changed since the answer was given.')
        : null,
      h('div', { class: 'panel-actions' }, toggle, toList),
      text,
    ]);

    // A whole document opened from a section is scrolled to that section, shown with a faint background.
    const highlight = mark ? [mark.start, mark.end] : whole && section ? [section.start, section.end] : null;
    const target = renderText(text, doc.text, from, to, /** @type {[number, number] | null} */ (highlight), mark ? 'mark' : 'section-focus');
    target?.scrollIntoView({ block: mark ? 'center' : 'start' });
    if (keepFocus) toggle?.focus({ preventScroll: true });
  }

  async function showDocuments() {
    const ticket = open('Documents', 'documents');
    const docs = await loading(ticket, getDocuments, () => showDocuments());
    if (!docs) return;
    body.dataset.mode = 'documents';
    body.replaceChildren(
      h('p', { class: 'panel-intro', text: 'Every answer comes from these five documents. Open a section to read it.' }),
      h('ul', { class: 'doc-list' }, ...docs.map((d) => h('li', {}, documentCard(d)))),
    );
    body.scrollTop = 0;
  }

  /** @param {DocumentSummary} doc */
  function documentCard(doc) {
    const read = button('Read the whole document', { class: 'quiet-button' });
    read.addEventListener('click', () => showSection(doc.id, null));
    return h(
      'article',
      { class: 'doc-card' },
      h('h3', { class: 'doc-title', text: doc.shortTitle }),
      h('p', { class: 'doc-meta', text: meta(doc) }),
      doc.licence ? h('p', { class: 'doc-licence', text: `Reuse: ${doc.licence}` }) : null,
      h('details', { class: 'outline' }, h('summary', { text: `Sections (${doc.sections.length})` }), outline(doc)),
      read,
    );
  }

  /** The sections as nested lists, following their levels. @param {DocumentSummary} doc */
  function outline(doc) {
    const root = h('ul', { class: 'outline-list' });
    /** @type {{ level: number, list: HTMLElement }[]} */
    const stack = [{ level: 0, list: root }];
    for (const s of doc.sections) {
      while (stack.length > 1 && stack[stack.length - 1].level >= s.level) stack.pop();
      const link = button(s.title, { class: 'outline-link' });
      link.addEventListener('click', () => showSection(doc.id, s.id));
      const children = h('ul', { class: 'outline-list' });
      stack[stack.length - 1].list.append(h('li', {}, link, children));
      stack.push({ level: s.level, list: children });
    }
    for (const empty of root.querySelectorAll('ul:empty')) empty.remove();
    return root;
  }

  /** Full title, publisher and date. @param {DocumentSummary} doc */
  function meta(doc) {
    return [doc.title, doc.publisher, doc.date].filter(Boolean).join(' · ');
  }

  return {
    showCitation,
    showDocuments,
    showHelp,
    close,
    isOpen: () => !panel.hidden,
    /** @returns {'documents' | 'source' | 'help' | null} */
    mode: () => mode,
  };
}

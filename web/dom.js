// @ts-check
/** @module Builds elements from text only: every string becomes a text node, so document and user text can never become markup. */

/**
 * @typedef {{ class?: string, text?: string, data?: Record<string, string>, attrs?: Record<string, string>, hidden?: boolean }} Props
 * @typedef {Node | string | null | undefined | false} Child
 */

/**
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Props} [props]
 * @param {Child[]} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.text !== undefined) el.textContent = props.text;
  if (props.hidden) el.hidden = true;
  for (const [key, value] of Object.entries(props.data ?? {})) el.dataset[key] = value;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    // Handlers and styles come only from chat.js and chat.css, never from attributes (and the CSP would refuse them).
    if (/^on|^style$/i.test(name)) throw new Error(`refusing attribute ${name}`);
    el.setAttribute(name, value);
  }
  append(el, children);
  return el;
}

/** @param {Node} parent @param {Child[]} children */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** A button that does not submit forms. @param {string} label @param {Props} [props] */
export function button(label, props = {}) {
  return h('button', { ...props, text: label, attrs: { type: 'button', ...(props.attrs ?? {}) } });
}

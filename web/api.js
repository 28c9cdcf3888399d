// @ts-check
/** @module Talks to the Kilde API: documents (cached), and chat answers streamed as Server-Sent Events. */

/**
 * @typedef {{ id: string, title: string, path: string[], level: number, start: number, end: number, kind: string }} Section
 * @typedef {{ id: string, title: string, shortTitle: string, publisher: string | null, date: string | null, source: string | null, licence: string | null, sections: Section[] }} DocumentSummary
 * @typedef {DocumentSummary & { text: string }} KildeDocument
 * @typedef {{ n: number, docId: string, docTitle: string, docDate?: string | null, sectionPath: string[], start: number, end: number, text: string }} Citation
 * @typedef {{ role: 'user' | 'assistant', content: string }} ChatMessage
 * @typedef {{ answer: string, citations: Citation[], grounded: boolean, answerer: string, related: Citation[], searchedFor: string, notice?: string, help?: Citation[] }} AnswerResult
 * @typedef {{ type: 'delta', text: string } | { type: 'reset' } | { type: 'help', help: Citation[] }} ChatEvent
 * @typedef {'network' | 'rate_limited' | 'invalid' | 'server' | 'interrupted'} ErrorKind
 */

/** Mirrors MAX_QUESTION_CHARS and MAX_MESSAGES in src/server/schemas.ts, so the page can refuse before the server does. */
export const MAX_QUESTION_CHARS = 2000;
const MAX_MESSAGES = 40;
/** Under the server's 64 KB body limit, with room for the JSON around the messages. */
const MAX_BODY_BYTES = 60_000;

export class ApiError extends Error {
  /**
   * @param {ErrorKind} kind
   * @param {string} message
   * @param {{ status?: number, retryAfter?: number }} [details]
   */
  constructor(kind, message, details = {}) {
    super(message);
    this.kind = kind;
    this.status = details.status;
    /** Seconds to wait before asking again (429 only). */
    this.retryAfter = details.retryAfter;
  }
}

/** @type {Promise<DocumentSummary[]> | undefined} */
let documentsRequest;
/** @type {Map<string, Promise<KildeDocument>>} */
const documentRequests = new Map();

/** @returns {Promise<DocumentSummary[]>} */
export function getDocuments() {
  documentsRequest ??= getJson('/api/documents').then((body) => /** @type {{ documents: DocumentSummary[] }} */ (body).documents);
  // A failed load is not cached, so the next call tries again.
  documentsRequest.catch(() => (documentsRequest = undefined));
  return documentsRequest;
}

/** @param {string} id @returns {Promise<KildeDocument>} */
export function getDocument(id) {
  let request = documentRequests.get(id);
  if (!request) {
    request = /** @type {Promise<KildeDocument>} */ (getJson(`/api/documents/${encodeURIComponent(id)}`));
    documentRequests.set(id, request);
    request.catch(() => documentRequests.delete(id));
  }
  return request;
}

/** @param {string} url @returns {Promise<unknown>} */
export async function getJson(url) {
  const res = await send(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw await errorFrom(res);
  return res.json();
}

/**
 * The conversation as the API takes it: the newest turns that fit its message and size limits, ending with the question.
 * @param {ChatMessage[]} history earlier turns, oldest first
 * @param {string} question
 * @returns {ChatMessage[]}
 */
export function chatMessages(history, question) {
  const messages = [...history, { role: /** @type {const} */ ('user'), content: question }];
  while (messages.length > MAX_MESSAGES || (messages.length > 1 && utf8Bytes(JSON.stringify(messages)) > MAX_BODY_BYTES)) {
    // Drop whole question–answer pairs so the conversation still alternates.
    messages.splice(0, Math.min(2, messages.length - 1));
  }
  return messages;
}

/**
 * Asks a question and reports the answer text as it streams in; resolves with the final, authoritative answer.
 * @param {ChatMessage[]} messages
 * @param {{ signal: AbortSignal, onEvent: (event: ChatEvent) => void }} options
 * @returns {Promise<AnswerResult>}
 */
export async function streamChat(messages, { signal, onEvent }) {
  const res = await send('/api/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ messages, stream: true }),
    signal,
  });
  if (!res.ok) throw await errorFrom(res);
  if (!res.body || !(res.headers.get('content-type') ?? '').includes('text/event-stream')) {
    return /** @type {AnswerResult} */ (await res.json());
  }

  /** @type {AnswerResult | undefined} */
  let result;
  // `citations` is skipped: `done`, right after it, carries the same citations with the authoritative answer.
  const parser = sseParser((event, data) => {
    const payload = data ? JSON.parse(data) : {};
    if (event === 'delta') onEvent({ type: 'delta', text: String(payload.text ?? '') });
    else if (event === 'reset') onEvent({ type: 'reset' });
    else if (event === 'help') onEvent({ type: 'help', help: Array.isArray(payload.help) ? payload.help : [] });
    else if (event === 'done') result = payload;
    else if (event === 'error') throw new ApiError('server', payload.message || 'the answer could not be completed');
  });
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser(value);
      if (result) break;
    }
  } catch (error) {
    if (error instanceof ApiError || signal.aborted) throw error;
    throw new ApiError('interrupted', 'The connection broke while the answer was coming in.');
  } finally {
    reader.cancel().catch(() => {});
  }
  if (!result) throw new ApiError('interrupted', 'The answer stopped before it was complete.');
  return result;
}

/**
 * A Server-Sent Events parser: feed it text as it arrives; it calls `onEvent` per complete event.
 * @param {(event: string, data: string) => void} onEvent
 * @returns {(chunk: string) => void}
 */
function sseParser(onEvent) {
  let buffer = '';
  let event = '';
  /** @type {string[]} */
  let data = [];
  return (chunk) => {
    buffer += chunk;
    const lines = buffer.split(/\r\n|\r|\n/);
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (data.length) onEvent(event || 'message', data.join('\n'));
        event = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
  };
}

const KEY_STORAGE = 'kilde.apiKey';

/** The server limits bodies in bytes; curly quotes and other non-ASCII text take 2–4 bytes each. @param {string} text */
function utf8Bytes(text) {
  return new TextEncoder().encode(text).length;
}

/**
 * A server started with KILDE_API_KEY needs `Authorization: Bearer <key>`. The page takes the key from
 * its address fragment once (`/#key=…`: fragments never reach the server or its logs), keeps it in this
 * browser, and removes it from the address bar.
 */
function apiKey() {
  const fromFragment = /(?:^#|&)key=([^&]+)/.exec(location.hash)?.[1];
  if (fromFragment) {
    history.replaceState(null, '', location.pathname + location.search);
    try {
      localStorage.setItem(KEY_STORAGE, decodeURIComponent(fromFragment));
    } catch {
      // A malformed %-escape: keep no key rather than fail every request.
    }
  }
  return localStorage.getItem(KEY_STORAGE);
}

/** fetch, with a network failure turned into an ApiError the page can explain. @param {string} url @param {RequestInit} init */
async function send(url, init) {
  const key = apiKey();
  const headers = new Headers(init.headers);
  if (key) headers.set('authorization', `Bearer ${key}`);
  try {
    return await fetch(url, { ...init, headers });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new ApiError('network', 'Kilde’s server can’t be reached. Check that it is running and that you are online, then try again.');
  }
}

/** @param {Response} res @returns {Promise<ApiError>} */
async function errorFrom(res) {
  /** @type {string | undefined} */
  let serverMessage;
  try {
    serverMessage = (await res.json())?.error?.message;
  } catch {
    // Not JSON (a proxy's error page, say): the status alone has to do.
  }
  if (res.status === 429) {
    const retryAfter = parseRetryAfter(res.headers.get('retry-after'));
    return new ApiError('rate_limited', 'Too many questions in a short time; the server asked for a pause.', { status: 429, retryAfter });
  }
  if (res.status === 400 || res.status === 413) {
    return new ApiError('invalid', serverMessage ? `The server said: ${serverMessage}.` : 'The server found the request invalid.', { status: res.status });
  }
  if (res.status === 401) {
    localStorage.removeItem(KEY_STORAGE);
    return new ApiError('server', 'This server needs an API key. Open the page as /#key=YOUR-KEY to give it one (it is kept in this browser only).', { status: 401 });
  }
  if (res.status === 404) return new ApiError('invalid', serverMessage ?? 'Not found.', { status: 404 });
  return new ApiError('server', `The server had a problem (${res.status}${serverMessage ? `: ${serverMessage}` : ''}). Please try again.`, { status: res.status });
}

/** Retry-After is seconds or an HTTP date; missing or odd values fall back to a short wait. @param {string | null} value */
function parseRetryAfter(value) {
  if (!value) return 10;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? 10 : Math.max(1, Math.ceil((date - Date.now()) / 1000));
}

/** @module An msw stand-in for an OpenAI-compatible server: embeddings and chat completions. */
import { http, HttpResponse, type HttpHandler } from 'msw';

export const MOCK_OPENAI_BASE = 'http://127.0.0.1:4010/v1';
export const MOCK_EMBED_DIMS = 16;

/** Deterministic bag-of-words vector, so equal texts embed equally and similar ones nearby. */
export function mockVector(text: string): Float32Array {
  const v = new Float32Array(MOCK_EMBED_DIMS);
  for (const word of text.toLowerCase().split(/\W+/).filter(Boolean)) {
    let h = 0;
    for (const ch of word) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    v[h % MOCK_EMBED_DIMS] = (v[h % MOCK_EMBED_DIMS] ?? 0) + 1;
  }
  v[0] = (v[0] ?? 0) + 0.01;
  return v;
}

/** OpenAI's embeddings endpoint; answers base64 Float32 when asked, as the official client asks. */
export const embeddingsHandler = http.post(`${MOCK_OPENAI_BASE}/embeddings`, async ({ request }) => {
  const body = (await request.json()) as { input: string | string[]; encoding_format?: string };
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  return HttpResponse.json({
    object: 'list',
    model: 'mock-embed',
    usage: { prompt_tokens: 1, total_tokens: 1 },
    data: inputs.map((text, index) => {
      const v = mockVector(String(text));
      const embedding = body.encoding_format === 'base64' ? Buffer.from(v.buffer).toString('base64') : Array.from(v);
      return { object: 'embedding', index, embedding };
    }),
  });
});

// ---------------------------------------------------------------------------------------------
// Chat completions

export interface MockChatMessage {
  role: string;
  content: string;
}

/** The parts of a `POST /chat/completions` body the tests look at. */
export interface ChatCompletionBody {
  model: string;
  messages: MockChatMessage[];
  stream?: boolean;
}

/**
 * One scripted reply.
 * - `text`: a successful answer; a string is cut into small tokens (markers split too), an array is sent as given.
 *   `pieceDelayMs` waits before each piece after the first; `stall` waits once, after `afterPieces` pieces
 *   (0: after the opening role chunk, before any text), like a model that stops sending mid-stream.
 * - `status`: an HTTP error with an OpenAI-style error body.
 * - `delayMs`: wait (abortable) before sending `then` (default: a short answer); a slow server, for timeouts.
 * - `breakAfter`: a stream that sends these pieces and then fails, like a dropped connection.
 */
export type ChatReply =
  | { text: string | string[]; pieceDelayMs?: number; stall?: { afterPieces: number; ms: number } }
  | { status: number; message?: string }
  | { delayMs: number; then?: ChatReply }
  | { breakAfter: string[] };

export type ChatScript = ChatReply | ((body: ChatCompletionBody) => ChatReply);

export interface ChatMock {
  handler: HttpHandler;
  /** Every request body received, in order (including failed attempts). */
  readonly requests: ChatCompletionBody[];
  /** When each request arrived (performance.now()), for checking the backoff between attempts. */
  readonly receivedAt: number[];
  /** Queues replies, used one per request in order; when the queue is empty the default reply answers. */
  reply(...replies: ChatScript[]): void;
  /** Replaces the default reply. */
  setDefault(reply: ChatScript): void;
  /** Clears the queue and the recorded requests, and restores the initial default. */
  reset(): void;
}

/** Cuts text into model-like tokens: words with their trailing space, and `[`, digits, `]` as separate pieces. */
export function tokensOf(text: string): string[] {
  return text.match(/\[|\]|\d+|[^\s[\]\d]+\s*|\s+/g) ?? [];
}

const encoder = new TextEncoder();

function chunkLine(model: string, delta: Record<string, string>, finish: string | null): Uint8Array {
  const chunk = { id: 'chatcmpl-mock', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] };
  return encoder.encode(`data: ${JSON.stringify(chunk)}\n\n`);
}

/** Resolves after `ms`, or early when `signal` aborts, so an abandoned slow reply does not linger. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function sseResponse(
  model: string,
  pieces: string[],
  options: { pieceDelayMs?: number; stall?: { afterPieces: number; ms: number }; breakAtEnd?: boolean },
  signal: AbortSignal,
): Response {
  const lines = [chunkLine(model, { role: 'assistant', content: '' }, null), ...pieces.map((piece) => chunkLine(model, { content: piece }, null))];
  if (!options.breakAtEnd) lines.push(chunkLine(model, {}, 'stop'), encoder.encode('data: [DONE]\n\n'));
  let sent = 0;
  // Pull-based, one line per read: a failure then comes after the client has read every piece before it
  // (erroring a push-based stream would discard the pieces still queued).
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Between text pieces only: a real server ends the stream (finish chunk, [DONE]) right after the last one.
      if (sent > 1 && sent <= pieces.length && options.pieceDelayMs) await wait(options.pieceDelayMs, signal);
      // lines[0] is the role chunk, so `sent - 1` text pieces have gone out.
      if (options.stall && sent === options.stall.afterPieces + 1) await wait(options.stall.ms, signal);
      if (signal.aborted) return controller.error(new Error('aborted'));
      const line = lines[sent++];
      if (line) return controller.enqueue(line);
      // A dropped connection: the body fails instead of ending with a finish reason and [DONE].
      if (options.breakAtEnd) return controller.error(new Error('socket hang up'));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } });
}

async function respond(body: ChatCompletionBody, reply: ChatReply, signal: AbortSignal): Promise<Response> {
  if ('delayMs' in reply) {
    await wait(reply.delayMs, signal);
    return respond(body, reply.then ?? { text: 'Late reply.' }, signal);
  }
  if ('status' in reply) {
    return HttpResponse.json({ error: { message: reply.message ?? `mock error ${reply.status}`, type: 'mock_error', code: null } }, { status: reply.status });
  }
  if ('breakAfter' in reply) return sseResponse(body.model, reply.breakAfter, { breakAtEnd: true }, signal);
  const pieces = Array.isArray(reply.text) ? reply.text : tokensOf(reply.text);
  if (body.stream) return sseResponse(body.model, pieces, { pieceDelayMs: reply.pieceDelayMs ?? 0, ...(reply.stall ? { stall: reply.stall } : {}) }, signal);
  return HttpResponse.json({
    id: 'chatcmpl-mock',
    object: 'chat.completion',
    created: 0,
    model: body.model,
    choices: [{ index: 0, message: { role: 'assistant', content: pieces.join('') }, logprobs: null, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  });
}

/** A scripted `POST {MOCK_OPENAI_BASE}/chat/completions`, streaming (SSE) or not, as the request asks. */
export function createChatMock(initialDefault: ChatScript = { text: 'Mock answer.' }): ChatMock {
  const queue: ChatScript[] = [];
  const requests: ChatCompletionBody[] = [];
  const receivedAt: number[] = [];
  let fallback = initialDefault;
  const handler = http.post(`${MOCK_OPENAI_BASE}/chat/completions`, async ({ request }) => {
    const body = (await request.json()) as ChatCompletionBody;
    requests.push(body);
    receivedAt.push(performance.now());
    const script = queue.shift() ?? fallback;
    return respond(body, typeof script === 'function' ? script(body) : script, request.signal);
  });
  return {
    handler,
    requests,
    receivedAt,
    reply: (...replies) => void queue.push(...replies),
    setDefault: (reply) => void (fallback = reply),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      receivedAt.length = 0;
      fallback = initialDefault;
    },
  };
}

/** A passage as the answer prompt showed it to the model (escaping undone). */
export interface PromptedPassage {
  n: number;
  source: string;
  text: string;
}

const unescape = (s: string): string => s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** The numbered passages inside the last user message of a chat request, as the model would read them. */
export function promptedPassages(body: ChatCompletionBody): PromptedPassage[] {
  const user = [...body.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  return [...user.matchAll(/<passage n="(\d+)" source="([^"]*)">\n([\s\S]*?)\n<\/passage>/g)].map((m) => ({
    n: Number(m[1]),
    source: unescape(m[2] ?? ''),
    text: unescape(m[3] ?? ''),
  }));
}

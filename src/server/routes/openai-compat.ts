/**
 * @module POST /v1/chat/completions and GET /v1/models: Kilde as the model `kilde` for any OpenAI
 * client. The message carries the answer with its `[n]` markers and a references block; the exact
 * citation objects ride along in a `citations` field (of the response, and of the last stream chunk),
 * so nothing of /api/chat is lost on the way.
 */
import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Answerer } from '../../answer/answerer.ts';
import { answerAsText, referencesBlock, relatedBlock } from '../../answer/references.ts';
import type { AnswerResult, ChatMessage } from '../../answer/types.ts';
import { AppError, InputError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import { assertKnownDocIds } from '../doc-ids.ts';
import { requestIdOf } from '../request-id.ts';
import { SHUTTING_DOWN, followShutdown } from '../stream-shutdown.ts';
import { createRouter } from '../router.ts';
import { MAX_MESSAGES, citationSchema, guardedRouteErrors, jsonBodyErrors, methodNotAllowedError, overloadedError, notFoundError, questionText } from '../schemas.ts';

export const MODEL_ID = 'kilde';
/** A fixed creation time for the model card: the day the API took this shape (clients only display it). */
const MODEL_CREATED = 1_796_169_600;

const textPart = z.object({ type: z.literal('text'), text: z.string() });
const messageSchema = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: z.union([z.string().max(20_000), z.array(textPart).max(50), z.null()]).optional(),
});

const completionRequestSchema = z
  .object({
    model: z.string().min(1).openapi({ example: MODEL_ID, description: 'Must be `kilde`.' }),
    messages: z.array(messageSchema).min(1).max(4 * MAX_MESSAGES),
    stream: z.boolean().default(false),
    stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
    n: z.number().int().min(1).max(1).optional().openapi({ description: 'Only 1: there is one grounded answer.' }),
    docIds: z.array(z.string().min(1).max(100)).min(1).max(20).optional().openapi({ description: 'Kilde extension: only search these documents.' }),
  })
  // Sampling settings (temperature, max_tokens, …) are accepted and ignored: the answer is grounded, not sampled.
  .passthrough()
  .openapi('ChatCompletionRequest');

const usageSchema = z.object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int(), total_tokens: z.number().int() });

const completionSchema = z
  .object({
    id: z.string(),
    object: z.literal('chat.completion'),
    created: z.number().int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.number().int(),
        message: z.object({ role: z.literal('assistant'), content: z.string() }),
        finish_reason: z.literal('stop'),
      }),
    ),
    usage: usageSchema.openapi({ description: 'Estimated (characters / 4): Kilde has no tokenizer.' }),
    citations: z.array(citationSchema).openapi({ description: 'The same citation objects /api/chat returns.' }),
    kilde: z.object({ grounded: z.boolean(), answerer: z.string(), searchedFor: z.string() }).openapi({ description: 'What /api/chat says besides.' }),
  })
  .openapi('ChatCompletion');

const modelSchema = z.object({ id: z.string(), object: z.literal('model'), created: z.number().int(), owned_by: z.string() }).openapi('Model');

const completionRoute = createRoute({
  method: 'post',
  path: '/chat/completions',
  request: { body: { required: true, content: { 'application/json': { schema: completionRequestSchema } } } },
  responses: {
    200: {
      description:
        'A chat completion (JSON), or with `stream: true` Server-Sent Events of `chat.completion.chunk` objects ending in `data: [DONE]`; the last chunk holds `citations`.',
      content: { 'application/json': { schema: completionSchema }, 'text/event-stream': { schema: z.string() } },
    },
    ...notFoundError('The model is not `kilde`'),
    ...jsonBodyErrors,
    ...methodNotAllowedError,
    ...guardedRouteErrors,
    ...overloadedError,
  },
});

const modelsRoute = createRoute({
  method: 'get',
  path: '/models',
  responses: {
    200: { description: 'The one model', content: { 'application/json': { schema: z.object({ object: z.literal('list'), data: z.array(modelSchema) }) } } },
    ...methodNotAllowedError,
    ...guardedRouteErrors,
  },
});

const modelRoute = createRoute({
  method: 'get',
  path: '/models/{model}',
  request: { params: z.object({ model: z.string().min(1).max(200) }) },
  responses: {
    200: { description: 'The model card', content: { 'application/json': { schema: modelSchema } } },
    ...notFoundError('No such model'),
    ...methodNotAllowedError,
    ...guardedRouteErrors,
  },
});

const modelCard = { id: MODEL_ID, object: 'model' as const, created: MODEL_CREATED, owned_by: 'kilde' };

type CompletionMessage = z.infer<typeof messageSchema>;

function textOf(message: CompletionMessage): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  return (content ?? []).map((p) => p.text).join('\n');
}

/**
 * The conversation as Kilde reads it: the user's and assistant's turns. System and developer
 * messages are dropped, since no instruction changes where answers come from, and so are tool turns.
 */
export function conversationOf(messages: ReadonlyArray<CompletionMessage>): ChatMessage[] {
  const turns = messages.flatMap((m): ChatMessage[] => (m.role === 'user' || m.role === 'assistant' ? [{ role: m.role, content: textOf(m) }] : []));
  const last = turns.at(-1);
  if (!last || last.role !== 'user') throw new InputError('messages: the last user or assistant message must be the user\u2019s question');
  const checked = questionText.safeParse(last.content);
  if (!checked.success) throw new InputError(`messages: the question ${checked.error.issues[0]?.message ?? 'is not valid'}`);
  return turns.slice(-MAX_MESSAGES);
}

function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function usageOf(messages: ReadonlyArray<ChatMessage>, content: string) {
  const prompt = estimateTokens(messages.map((m) => m.content).join('\n'));
  const completion = estimateTokens(content);
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

function extras(result: AnswerResult) {
  return { citations: result.citations, kilde: { grounded: result.grounded, answerer: result.answerer, searchedFor: result.searchedFor } };
}

export function openAiRoutes(answerer: Answerer, knownDocIds: ReadonlySet<string>, logger: Logger, shutdown?: AbortSignal): OpenAPIHono {
  const app = createRouter();
  app.openapi(modelsRoute, (c) => c.json({ object: 'list' as const, data: [modelCard] }, 200));
  app.openapi(modelRoute, (c) => {
    const { model } = c.req.valid('param');
    if (model !== MODEL_ID) throw new AppError('not_found', 404, `no model "${model.slice(0, 100)}"; the only model is "${MODEL_ID}"`);
    return c.json(modelCard, 200);
  });
  app.openapi(completionRoute, async (c) => {
    const body = c.req.valid('json');
    if (body.model !== MODEL_ID) throw new AppError('not_found', 404, `no model "${body.model.slice(0, 100)}"; use "model": "${MODEL_ID}"`);
    assertKnownDocIds(body.docIds, knownDocIds);
    const messages = conversationOf(body.messages);
    const request = { messages, ...(body.docIds ? { docIds: body.docIds } : {}) };
    const id = `chatcmpl-${requestIdOf(c) ?? crypto.randomUUID()}`;
    const created = Math.floor(Date.now() / 1000);
    if (!body.stream) {
      const result = await answerer.answer({ ...request, signal: c.req.raw.signal });
      const content = answerAsText(result);
      c.header('x-kilde-answerer', result.answerer);
      return c.json(
        {
          id,
          object: 'chat.completion' as const,
          created,
          model: MODEL_ID,
          choices: [{ index: 0, message: { role: 'assistant' as const, content }, finish_reason: 'stop' as const }],
          usage: usageOf(messages, content),
          ...extras(result),
        },
        200,
      );
    }
    return streamCompletion(c, { answerer, request, id, created, includeUsage: body.stream_options?.include_usage === true, logger, shutdown });
  });
  return app;
}

interface StreamJob {
  answerer: Answerer;
  request: { messages: ChatMessage[]; docIds?: string[] };
  id: string;
  created: number;
  includeUsage: boolean;
  logger: Logger;
  shutdown: AbortSignal | undefined;
}

function streamCompletion(c: Context, job: StreamJob): Response {
  return streamSSE(c, async (stream) => {
    const controller = new AbortController();
    stream.onAbort(() => controller.abort());
    const closing = followShutdown(job.shutdown, controller);
    const chunk = (delta: Record<string, string>, finish: 'stop' | null = null, extra: object = {}) =>
      JSON.stringify({ id: job.id, object: 'chat.completion.chunk', created: job.created, model: MODEL_ID, choices: [{ index: 0, delta, finish_reason: finish }], ...extra });
    let sent = stream.writeSSE({ data: chunk({ role: 'assistant', content: '' }) });
    let streamed = '';
    const send = (text: string): void => {
      streamed += text;
      sent = sent.then(() => stream.writeSSE({ data: chunk({ content: text }) }));
    };
    try {
      const result = await job.answerer.answer({
        ...job.request,
        signal: controller.signal,
        onDelta: send,
        // An OpenAI stream cannot take text back, so the withdrawal is said in words.
        onReset: () => send('\n\n(The text above is withdrawn: the model failed. The answer below replaces it.)\n\n'),
      });
      const tail = [referencesBlock(result.citations), relatedBlock(result)].filter(Boolean);
      if (tail.length) send(`\n\n${tail.join('\n\n')}`);
      await sent;
      const last = extras(result);
      await stream.writeSSE({ data: chunk({}, 'stop', job.includeUsage ? {} : last) });
      if (job.includeUsage) {
        await stream.writeSSE({ data: JSON.stringify({ id: job.id, object: 'chat.completion.chunk', created: job.created, model: MODEL_ID, choices: [], usage: usageOf(job.request.messages, streamed), ...last }) });
      }
      await stream.writeSSE({ data: '[DONE]' });
    } catch (error) {
      await sent.catch(() => undefined);
      if (closing.fired()) return void (await stream.writeSSE({ data: JSON.stringify({ error: SHUTTING_DOWN }) }));
      if (controller.signal.aborted) return;
      const known = error instanceof AppError;
      job.logger.error('completion stream failed', { requestId: requestIdOf(c), error: error instanceof Error ? error.message : String(error) });
      await stream.writeSSE({ data: JSON.stringify({ error: { code: known ? error.code : 'internal_error', message: known ? error.message : 'the answer could not be completed; please try again' } }) });
    } finally {
      closing.stop();
    }
  });
}

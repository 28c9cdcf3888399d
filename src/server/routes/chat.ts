/** @module POST /api/chat: a grounded answer with citations, as JSON or streamed as Server-Sent Events. */
import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { Answerer } from '../../answer/answerer.ts';
import type { AnswerRequest } from '../../answer/types.ts';
import { AppError } from '../../errors.ts';
import type { Logger } from '../../log.ts';
import { assertKnownDocIds } from '../doc-ids.ts';
import { createRouter } from '../router.ts';
import { chatRequestSchema, chatResponseSchema, guardedRouteErrors, methodNotAllowedError, overloadedError, jsonBodyErrors } from '../schemas.ts';
import { requestIdOf } from '../request-id.ts';
import { SHUTTING_DOWN, followShutdown } from '../stream-shutdown.ts';

const route = createRoute({
  method: 'post',
  path: '/chat',
  request: { body: { required: true, content: { 'application/json': { schema: chatRequestSchema } } } },
  responses: {
    200: {
      description:
        'An answer with citations (JSON), or with `stream: true` or `Accept: text/event-stream` an SSE stream of `delta` (`{ text }`), `citations` (`{ citations, related }`) and `done` (the JSON answer) events; `help` (`{ help }`) comes first for a person asking for help, `reset` withdraws the deltas so far, `error` (`{ code, message }`) ends a failed stream',
      headers: z.object({ 'x-kilde-answerer': z.string().optional().openapi({ description: 'Which answerer gave a JSON answer.' }) }),
      content: { 'application/json': { schema: chatResponseSchema }, 'text/event-stream': { schema: z.string().openapi({ description: 'Server-Sent Events, as described above.' }) } },
    },
    ...jsonBodyErrors,
    ...methodNotAllowedError,
    ...guardedRouteErrors,
    ...overloadedError,
  },
});

export function chatRoutes(answerer: Answerer, knownDocIds: ReadonlySet<string>, logger: Logger, shutdown?: AbortSignal): OpenAPIHono {
  const app = createRouter();
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    assertKnownDocIds(body.docIds, knownDocIds);
    const request = { messages: body.messages, ...(body.docIds ? { docIds: body.docIds } : {}) };
    const wantsStream = body.stream || (c.req.header('accept') ?? '').includes('text/event-stream');
    // Only a finished answer knows which answerer gave it (the model may fail and the offline one
    // answer), so a stream names it in its `done` event and JSON names it here too.
    if (!wantsStream) {
      const result = await answerer.answer({ ...request, signal: c.req.raw.signal });
      c.header('x-kilde-answerer', result.answerer);
      return c.json(result, 200);
    }
    return streamSSE(c, async (stream) => {
      const controller = new AbortController();
      stream.onAbort(() => controller.abort());
      const closing = followShutdown(shutdown, controller);
      // Events are written in the order the answerer produced them, one after another.
      let sent = Promise.resolve();
      const send = (event: string, data: unknown): void => {
        sent = sent.then(() => stream.writeSSE({ event, data: JSON.stringify(data) }));
      };
      const streaming: AnswerRequest = {
        ...request,
        signal: controller.signal,
        onHelp: (contacts) => send('help', { help: contacts }),
        onDelta: (text) => send('delta', { text }),
        onReset: () => send('reset', {}),
      };
      try {
        const result = await answerer.answer(streaming);
        await sent;
        await stream.writeSSE({ event: 'citations', data: JSON.stringify({ citations: result.citations, related: result.related }) });
        await stream.writeSSE({ event: 'done', data: JSON.stringify(result) });
      } catch (error) {
        // Deltas still queued go out before the error event (and a failed write must not go unhandled).
        await sent.catch(() => undefined);
        if (closing.fired()) return void (await stream.writeSSE({ event: 'error', data: JSON.stringify(SHUTTING_DOWN) }));
        if (controller.signal.aborted) return;
        const known = error instanceof AppError;
        logger.error('chat stream failed', { requestId: requestIdOf(c), error: error instanceof Error ? error.message : String(error) });
        await stream.writeSSE({
          event: 'error',
          data: JSON.stringify({ code: known ? error.code : 'internal_error', message: known ? error.message : 'the answer could not be completed; please try again' }),
        });
      } finally {
        closing.stop();
      }
    });
  });
  return app;
}

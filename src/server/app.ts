/** @module createApp(deps): the whole HTTP API as a Hono app; never listens (see node.ts). */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import type { Answerer } from '../answer/answerer.ts';
import type { Logger } from '../log.ts';
import type { ParsedDocument } from '../types.ts';
import { createErrorHandler, errorBody } from './errors.ts';
import { accessLog } from './middleware/access-log.ts';
import { chatRoutes } from './routes/chat.ts';
import { documentsRoutes } from './routes/documents.ts';
import { healthRoutes } from './routes/health.ts';
import { searchRoutes, type SearchService } from './routes/search.ts';

export const MAX_BODY_BYTES = 64 * 1024;

export interface AppDeps {
  documents: ReadonlyArray<ParsedDocument>;
  search: SearchService;
  chunkCount: number;
  embedderName: string;
  answerer: Answerer;
  logger: Logger;
}

/** Paths the API serves and the methods each allows, for 405 answers with an Allow header. */
const API_METHODS: ReadonlyArray<[RegExp, string[]]> = [
  [/^\/api\/health$/, ['GET']],
  [/^\/api\/documents$/, ['GET']],
  [/^\/api\/documents\/[^/]+$/, ['GET']],
  [/^\/api\/search$/, ['POST']],
  [/^\/api\/chat$/, ['POST']],
  [/^\/api\/openapi\.json$/, ['GET']],
];

export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono();
  app.use('*', requestId());
  app.use('*', accessLog(deps.logger));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json(errorBody('payload_too_large', `the request body must be at most ${MAX_BODY_BYTES / 1024} KB`), 413),
    }),
  );

  const api = new OpenAPIHono();
  api.route('/', healthRoutes({ documents: deps.documents.length, chunks: deps.chunkCount, embedder: deps.embedderName, answerer: deps.answerer.name }));
  api.route('/', documentsRoutes(deps.documents));
  const docIds = new Set(deps.documents.map((d) => d.id));
  api.route('/', searchRoutes(deps.search, docIds));
  api.route('/', chatRoutes(deps.answerer, docIds, deps.logger));
  app.route('/api', api);
  app.doc('/api/openapi.json', { openapi: '3.0.0', info: { title: 'Kilde API', version: '1.0.0', description: 'Grounded answers with verifiable citations.' } });

  app.notFound((c) => {
    const allowed = API_METHODS.find(([re]) => re.test(c.req.path))?.[1];
    if (allowed && !allowed.includes(c.req.method)) {
      c.header('Allow', allowed.join(', '));
      return c.json(errorBody('method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(' or ')}`), 405);
    }
    return c.json(errorBody('not_found', `no route ${c.req.method} ${c.req.path.slice(0, 200)}`), 404);
  });
  app.onError(createErrorHandler(deps.logger));
  return app;
}

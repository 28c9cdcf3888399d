/** @module createApp(deps): the whole HTTP API as a Hono app; never listens (see node.ts). */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import type { Answerer } from '../answer/answerer.ts';
import type { Logger } from '../log.ts';
import type { ParsedDocument } from '../types.ts';
import { createErrorHandler, errorBody } from './errors.ts';
import { accessLog } from './middleware/access-log.ts';
import { apiKey } from './middleware/api-key.ts';
import { rateLimit } from './middleware/rate-limit/index.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { chatRoutes } from './routes/chat.ts';
import { documentsRoutes } from './routes/documents.ts';
import { healthRoutes } from './routes/health.ts';
import { helpRoutes } from './routes/help.ts';
import type { Citation } from '../answer/types.ts';
import { searchRoutes, type SearchService } from './routes/search.ts';
import { staticRoutes } from './routes/static.ts';

export const MAX_BODY_BYTES = 64 * 1024;

export interface AppDeps {
  documents: ReadonlyArray<ParsedDocument>;
  search: SearchService;
  chunkCount: number;
  embedderName: string;
  answerer: Answerer;
  /** Who can help a person in need (GET /api/help, open without a key). */
  helpContacts?: ReadonlyArray<Citation>;
  logger: Logger;
  /** Folder of the chat page, served at `/`; without it the app is the API alone. */
  webDir?: string;
  /** Access control; all off when absent (tests), see config.ts for the server's defaults. */
  security?: SecurityOptions;
}

export interface SecurityOptions {
  /** Require `Authorization: Bearer <apiKey>` on /api/* (health and the OpenAPI description stay open). */
  apiKey?: string;
  /** Requests per minute per client on /api/*; 0 = off. */
  rateLimitPerMinute: number;
  /** The client a request comes from, or null when it is exempt from rate limiting. */
  clientKey: (c: Context) => string | null;
  /** Origins allowed to call the API from browsers; empty = no CORS headers. */
  corsOrigins: string[];
}

/** Paths the API serves and the methods each allows, for 405 answers with an Allow header. */
const API_METHODS: ReadonlyArray<[RegExp, string[]]> = [
  [/^\/api\/health$/, ['GET']],
  [/^\/api\/help$/, ['GET']],
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
  app.use('*', securityHeaders());
  const security = deps.security;
  if (security?.corsOrigins.length) {
    app.use('/api/*', cors({ origin: security.corsOrigins, allowHeaders: ['Content-Type', 'Authorization', 'Accept'], allowMethods: ['GET', 'POST'], maxAge: 600 }));
  }
  // The limit comes before the key check, so guessing keys is throttled too.
  if (security?.rateLimitPerMinute) app.use('/api/*', rateLimit({ limit: security.rateLimitPerMinute, clientKey: security.clientKey }));
  if (security?.apiKey) app.use('/api/*', apiKey(security.apiKey));
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
  api.route('/', helpRoutes(deps.helpContacts ?? []));
  const docIds = new Set(deps.documents.map((d) => d.id));
  api.route('/', searchRoutes(deps.search, docIds));
  api.route('/', chatRoutes(deps.answerer, docIds, deps.logger));
  app.route('/api', api);
  const description =
    'Grounded answers with verifiable citations. Errors are `{ error: { code, message } }`: 400 invalid input, 401 missing or wrong API key, ' +
    '404, 405 (with Allow), 413 body over 64 KB, 415 body not JSON, 429 rate limited (with Retry-After).';
  if (security?.apiKey) app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer' });
  app.doc('/api/openapi.json', {
    openapi: '3.0.0',
    info: { title: 'Kilde API', version: '1.0.0', description },
    ...(security?.apiKey ? { security: [{ apiKey: [] }] } : {}),
  });
  // After the API, so /api/* always wins over a file of the same name.
  if (deps.webDir) app.route('/', staticRoutes(deps.webDir));

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

/** @module createApp(deps): the whole HTTP API as a Hono app; never listens (see node.ts). */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import type { Answerer } from '../answer/answerer.ts';
import type { Logger } from '../log.ts';
import type { ParsedDocument } from '../types.ts';
import { createErrorHandler, errorBody } from './errors.ts';
import { guardedRouteErrors, jsonBodyErrors, methodNotAllowedError, overloadedError, rateLimitedError } from './schemas.ts';
import { accessLog } from './middleware/access-log.ts';
import { apiKey } from './middleware/api-key.ts';
import { loadShed, type LoadShedOptions } from './middleware/load-shed/index.ts';
import { rateLimit } from './middleware/rate-limit/index.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { chatRoutes } from './routes/chat.ts';
import { documentsRoutes } from './routes/documents.ts';
import { healthRoutes } from './routes/health.ts';
import { helpRoutes } from './routes/help.ts';
import type { Citation } from '../answer/types.ts';
import { searchRoutes, type SearchService } from './routes/search.ts';
import { staticRoutes } from './routes/static.ts';
import { apiDocsRoutes } from './routes/api-docs.ts';
import { MODEL_ID, openAiRoutes } from './routes/openai-compat.ts';
import { mcpRoutes } from './routes/mcp.ts';

export const MAX_BODY_BYTES = 64 * 1024;
/** The API's version, in the OpenAPI description and the MCP server's name card. */
export const API_VERSION = '1.1.0';

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
  /** How many questions are answered at once and may wait; unbounded when absent (tests). */
  load?: LoadShedOptions;
  /** Aborted when the server is shutting down: open streams then end with a `shutting_down` error event. */
  shutdown?: AbortSignal;
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
  [/^\/api\/docs$/, ['GET']],
  [/^\/v1\/chat\/completions$/, ['POST']],
  [/^\/v1\/models(\/[^/]+)?$/, ['GET']],
  [/^\/mcp$/, ['POST']],
];

/** The routes that answer a question: the work the load gate bounds. */
const QUESTION_PATHS = ['/api/search', '/api/chat', '/v1/chat/completions', '/mcp'] as const;

/** Every surface a program calls; each gets the same limits, key check and body cap. */
const GUARDED_PATHS = ['/api/*', '/v1/*', '/mcp'] as const;

export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono();
  app.use('*', requestId());
  app.use('*', accessLog(deps.logger));
  app.use('*', securityHeaders());
  const security = deps.security;
  for (const path of GUARDED_PATHS) {
    if (security?.corsOrigins.length) {
      app.use(path, cors({ origin: security.corsOrigins, allowHeaders: ['Content-Type', 'Authorization', 'Accept', 'Mcp-Protocol-Version'], allowMethods: ['GET', 'POST'], maxAge: 600 }));
    }
    // The limit comes before the key check, so guessing keys is throttled too.
    if (security?.rateLimitPerMinute) app.use(path, rateLimit({ limit: security.rateLimitPerMinute, clientKey: security.clientKey }));
    if (security?.apiKey) app.use(path, apiKey(security.apiKey));
    app.use(
      path,
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: (c) => c.json(errorBody('payload_too_large', `the request body must be at most ${MAX_BODY_BYTES / 1024} KB`), 413),
      }),
    );
  }

  // After the key check, so only callers the server serves take a slot.
  if (deps.load) {
    const gate = loadShed(deps.load);
    for (const path of QUESTION_PATHS) app.post(path, gate.middleware);
  }

  const api = new OpenAPIHono();
  api.route('/', healthRoutes({ documents: deps.documents.length, chunks: deps.chunkCount, embedder: deps.embedderName, answerer: deps.answerer.name }));
  api.route('/', documentsRoutes(deps.documents));
  api.route('/', helpRoutes(deps.helpContacts ?? []));
  const docIds = new Set(deps.documents.map((d) => d.id));
  api.route('/', searchRoutes(deps.search, docIds));
  api.route('/', chatRoutes(deps.answerer, docIds, deps.logger, deps.shutdown));
  app.route('/api', api);
  if (deps.webDir) app.route('/api', apiDocsRoutes(deps.webDir));
  app.route('/v1', openAiRoutes(deps.answerer, docIds, deps.logger, deps.shutdown));
  app.route('/', mcpRoutes({ documents: deps.documents, search: deps.search, answerer: deps.answerer, version: API_VERSION }));
  describeApi(app, security?.apiKey !== undefined);
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

/**
 * The OpenAPI 3.1 description at /api/openapi.json: every route with its schemas (from zod), the
 * bearer key as a security scheme (required when the server has a key; health and help declare
 * they need none), and the server the description was fetched from.
 */
function describeApi(app: OpenAPIHono, keyRequired: boolean): void {
  const mcpErrors = { ...jsonBodyErrors, ...methodNotAllowedError, ...guardedRouteErrors, ...overloadedError, 406: { description: 'The Accept header lacks application/json and text/event-stream' } };
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'The server\u2019s KILDE_API_KEY, when it has one: `Authorization: Bearer <key>`.',
  });
  const description =
    'Grounded answers with verifiable citations, about human trafficking in Norway, from five public documents. ' +
    'Errors are `{ error: { code, message } }`: 400 invalid input, 401 missing or wrong API key, 404, 405 (with Allow), ' +
    '413 body over 64 KB, 415 body not JSON, 429 rate limited (with Retry-After). ' +
    `Also: an OpenAI-compatible endpoint (model \`${MODEL_ID}\`) under /v1, and an MCP server (Streamable HTTP) at /mcp.`;
  const jsonRpc = z
    .object({ jsonrpc: z.literal('2.0'), id: z.union([z.string(), z.number()]).optional(), method: z.string().optional() })
    .passthrough()
    .openapi('JsonRpcMessage', { description: 'An MCP JSON-RPC message (see the Model Context Protocol\u2019s Streamable HTTP transport).' });
  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/mcp',
    summary: 'MCP server (Streamable HTTP, stateless)',
    description: 'Tools `search_documents`, `ask`, `get_passage`; the documents as resources `kilde://documents/{id}`. Send `Accept: application/json, text/event-stream`.',
    request: { body: { required: true, content: { 'application/json': { schema: jsonRpc } } } },
    responses: {
      200: { description: 'The JSON-RPC response', content: { 'application/json': { schema: jsonRpc } } },
      202: { description: 'A notification or response was accepted' },
      ...mcpErrors,
    },
  });
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/docs',
    summary: 'This description as a readable page',
    security: [],
    responses: { 200: { description: 'The API reference (HTML)', content: { 'text/html': { schema: z.string() } } }, ...methodNotAllowedError, ...rateLimitedError },
  });
  const keyed: Array<Record<string, string[]>> = keyRequired ? [{ bearerKey: [] }] : [{}, { bearerKey: [] }];
  app.doc31('/api/openapi.json', (c) => {
    const document = {
      openapi: '3.1.0',
      info: { title: 'Kilde API', version: API_VERSION, description, license: { name: 'MIT', identifier: 'MIT' } },
      servers: [{ url: new URL(c.req.url).origin, description: 'This server' }],
      // Without a key every route is open; the scheme is listed so clients know what a keyed server expects.
      security: keyed,
    };
    return document;
  });
}

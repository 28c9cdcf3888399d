import { Validator, type SpecData } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log.ts';
import type { ParsedDocument } from '../types.ts';
import { oneDocument } from '../../test/support/one-document.ts';
import { createApp, type AppDeps } from './app.ts';

const documents: ParsedDocument[] = [oneDocument];

const deps: AppDeps = {
  documents,
  search: { search: async () => [] },
  chunkCount: 1,
  embedderName: 'fake',
  answerer: {
    name: 'fake',
    answer: async () => {
      throw new Error('not used here');
    },
  },
  logger: silentLogger,
  webDir: 'web',
};

interface Operation {
  security?: Array<Record<string, string[]>>;
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Spec {
  openapi: string;
  servers: Array<{ url: string }>;
  security: Array<Record<string, string[]>>;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
}

async function specOf(app: ReturnType<typeof createApp>, origin = 'http://kilde.example:8787'): Promise<Spec> {
  const res = await app.request(`${origin}/api/openapi.json`);
  expect(res.status).toBe(200);
  return (await res.json()) as Spec;
}

/** Every public route, as a client generator needs to see it. */
const ROUTES: Array<[string, string]> = [
  ['get', '/api/health'],
  ['get', '/api/help'],
  ['get', '/api/documents'],
  ['get', '/api/documents/{id}'],
  ['post', '/api/search'],
  ['post', '/api/chat'],
  ['get', '/api/docs'],
  ['get', '/v1/models'],
  ['get', '/v1/models/{model}'],
  ['post', '/v1/chat/completions'],
  ['post', '/mcp'],
];

describe('GET /api/openapi.json', () => {
  it('validates as OpenAPI 3.1 with a real validator', async () => {
    const spec = await specOf(createApp(deps));
    expect(spec.openapi).toBe('3.1.0');
    const result = await new Validator().validate(spec as unknown as SpecData);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('also validates with a key set, and then requires the bearer key except on the open routes', async () => {
    const spec = await specOf(createApp({ ...deps, security: { apiKey: 'k', rateLimitPerMinute: 0, clientKey: () => null, corsOrigins: [] } }));
    expect((await new Validator().validate(spec as unknown as SpecData)).valid).toBe(true);
    expect(spec.security).toEqual([{ bearerKey: [] }]);
    expect(spec.paths['/api/health']?.['get']?.security).toEqual([]);
    expect(spec.paths['/api/help']?.['get']?.security).toEqual([]);
    expect(spec.paths['/api/chat']?.['post']?.security).toBeUndefined();
  });

  it('names the bearer key as a security scheme, optional when the server has no key', async () => {
    const spec = await specOf(createApp(deps));
    expect(spec.components.securitySchemes['bearerKey']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(spec.security).toEqual([{}, { bearerKey: [] }]);
  });

  it('names the server it was fetched from', async () => {
    const spec = await specOf(createApp(deps), 'http://kilde.example:9999');
    expect(spec.servers).toEqual([expect.objectContaining({ url: 'http://kilde.example:9999' })]);
  });

  it('describes every public route, each with 405 among its errors', async () => {
    const spec = await specOf(createApp(deps));
    for (const [method, path] of ROUTES) {
      const operation = spec.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(Object.keys(operation?.responses ?? {}), `${method} ${path}`).toContain('405');
    }
    const described = Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(described.sort()).toEqual(ROUTES.map(([m, p]) => `${m} ${p}`).sort());
  });

  it('gives every JSON route its request, response and error schemas', async () => {
    const spec = await specOf(createApp(deps));
    const chat = spec.paths['/api/chat']?.['post'];
    expect(chat?.requestBody?.content['application/json']?.schema).toBeDefined();
    expect(chat?.responses['200']?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/ChatResponse' });
    expect(chat?.responses['200']?.content?.['text/event-stream']).toBeDefined();
    for (const status of ['400', '401', '405', '413', '415', '429']) {
      expect(chat?.responses[status]?.content?.['application/json']?.schema, status).toEqual({ $ref: '#/components/schemas/Error' });
    }
    const completion = spec.paths['/v1/chat/completions']?.['post'];
    expect(completion?.responses['200']?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/ChatCompletion' });
  });
});

describe('GET /api/docs', () => {
  it('serves the reference page, which loads only this server\u2019s own script', async () => {
    const res = await createApp(deps).request('/api/docs');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<script type="module" src="/api-docs.js"></script>');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('stays open when the server has a key, like the description it shows', async () => {
    const app = createApp({ ...deps, security: { apiKey: 'k', rateLimitPerMinute: 0, clientKey: () => null, corsOrigins: [] } });
    expect((await app.request('/api/docs')).status).toBe(200);
    expect((await app.request('/api/openapi.json')).status).toBe(200);
    expect((await app.request('/v1/models')).status).toBe(401);
    expect((await app.request('/mcp', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
  });
});

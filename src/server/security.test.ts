import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log.ts';
import type { ParsedDocument } from '../types.ts';
import { createApp, type AppDeps, type SecurityOptions } from './app.ts';

const documents: ParsedDocument[] = [
  { id: 'd', file: 'd.txt', title: 'D', shortTitle: 'D', publisher: null, date: null, source: null, text: 'Text.', sections: [] },
];

function app(security?: Partial<SecurityOptions>, search: AppDeps['search'] = { search: async () => [] }) {
  return createApp({
    documents,
    search,
    chunkCount: 0,
    embedderName: 'fake',
    answerer: { name: 'fake', answer: async () => Promise.reject(new Error('unused')) },
    logger: silentLogger,
    ...(security ? { security: { rateLimitPerMinute: 0, clientKey: (c) => c.req.header('x-client') ?? 'x', corsOrigins: [], ...security } } : {}),
  });
}

const searchBody = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'x' }) };

describe('API key', () => {
  const secured = app({ apiKey: 's3cret' });

  it('refuses a request without a key with 401 and a JSON error', async () => {
    const res = await secured.request('/api/search', searchBody);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('refuses a wrong key, saying so', async () => {
    const res = await secured.request('/api/documents', { headers: { authorization: 'Bearer nope' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/Bearer/);
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'the API key is not valid' } });
  });

  it('answers a malformed Authorization header with 400 (RFC 6750) and how to send the key', async () => {
    const res = await secured.request('/api/documents', { headers: { authorization: 'Basic abc' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Authorization: Bearer/);
  });

  it('counts wrong keys against the rate limit', async () => {
    const limited = app({ apiKey: 's3cret', rateLimitPerMinute: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await limited.request('/api/documents', { headers: { authorization: 'Bearer guess' } })).status);
    expect(statuses).toEqual([401, 401, 429]);
  });

  it('accepts the right key', async () => {
    const res = await secured.request('/api/search', { ...searchBody, headers: { ...searchBody.headers, authorization: 'Bearer s3cret' } });
    expect(res.status).toBe(200);
  });

  it('leaves the health check open', async () => {
    expect((await secured.request('/api/health')).status).toBe(200);
  });

  it('leaves the help contacts open: a person in need is never asked for a key', async () => {
    expect((await secured.request('/api/help')).status).toBe(200);
  });

  it('declares, per operation, the errors the middleware can answer with', async () => {
    type Operations = Record<string, Record<string, { responses: Record<string, unknown> }>>;
    const { paths } = (await (await secured.request('/api/openapi.json')).json()) as { paths: Operations };
    const codes = (path: string, method: string): string[] => Object.keys(paths[path]?.[method]?.responses ?? {}).sort();
    expect(codes('/api/chat', 'post')).toEqual(['200', '400', '401', '405', '413', '415', '429', '503']);
    expect(codes('/api/search', 'post')).toEqual(['200', '400', '401', '405', '413', '415', '429', '503']);
    expect(codes('/api/documents/{id}', 'get')).toEqual(['200', '401', '404', '405', '429']);
    expect(codes('/api/health', 'get')).toEqual(['200', '405', '429']);
  });

  it('declares the bearer scheme in the OpenAPI description', async () => {
    const doc = (await (await secured.request('/api/openapi.json')).json()) as { security?: unknown; components?: { securitySchemes?: Record<string, unknown> } };
    expect(doc.components?.securitySchemes?.['bearerKey']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ bearerKey: [] }]);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a client passes the limit, other clients unaffected', async () => {
    const limited = app({ rateLimitPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await limited.request('/api/documents', { headers: { 'x-client': 'a' } })).status).toBe(200);
    const res = await limited.request('/api/documents', { headers: { 'x-client': 'a' } });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.request('/api/documents', { headers: { 'x-client': 'b' } })).status).toBe(200);
  });
});

describe('headers', () => {
  it('sends a strict Content-Security-Policy and other secure headers', async () => {
    const res = await app().request('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('sends no CORS headers unless origins are configured', async () => {
    const res = await app({}).request('/api/health', { headers: { origin: 'https://elsewhere.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows a configured origin', async () => {
    const res = await app({ corsOrigins: ['https://news.example'] }).request('/api/health', { headers: { origin: 'https://news.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://news.example');
  });
});

describe('unexpected errors', () => {
  it('answer a generic 500 without stack traces or file paths', async () => {
    const failing = app(undefined, {
      search: async () => {
        throw new Error('boom at /work/main/src/secret.ts:12');
      },
    });
    const res = await failing.request('/api/search', searchBody);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/boom|\/work\/|\.ts|at /);
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: expect.any(String) } });
  });
});

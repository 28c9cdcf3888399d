import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log.ts';
import type { Hit, ParsedDocument } from '../types.ts';
import { ONE_DOCUMENT_TEXT, oneDocument } from '../../test/support/one-document.ts';
import { createApp, type AppDeps } from './app.ts';

const text = ONE_DOCUMENT_TEXT;
const documents: ParsedDocument[] = [oneDocument];

const requests: Array<{ query: string; k: number; docIds?: ReadonlyArray<string> }> = [];
const deps: AppDeps = {
  documents,
  search: {
    async search(request) {
      requests.push(request);
      const hit: Hit = { id: 'udi#0', docId: 'udi', docTitle: 'UDI', sectionPath: ['Protection'], text: text.slice(11), start: 11, end: text.length, score: 1, passage: { start: 11, end: text.length, text: text.slice(11) } };
      return [hit].slice(0, request.k);
    },
  },
  chunkCount: 1,
  embedderName: 'fake',
  answerer: {
    name: 'fake',
    async answer() {
      throw new Error('not used here');
    },
  },
  logger: silentLogger,
};

const app = createApp(deps);
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('GET /api/health', () => {
  it('reports counts and providers', async () => {
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', documents: 1, chunks: 1, embedder: 'fake', answerer: 'fake' });
  });

  it('sets a request id header', async () => {
    const res = await app.request('/api/health');
    expect(res.headers.get('x-request-id')).toMatch(/.{8,}/);
  });
});

describe('GET /api/documents', () => {
  it('lists documents with their sections but without text', async () => {
    const body = (await (await app.request('/api/documents')).json()) as { documents: Array<Record<string, unknown>> };
    expect(body.documents[0]).toMatchObject({ id: 'udi', shortTitle: 'UDI', licence: 'No licence stated.', sections: [{ id: 's0', path: ['Protection'], start: 0 }] });
    expect(body.documents[0]).not.toHaveProperty('text');
  });

  it('serves one document with its verbatim text', async () => {
    const body = (await (await app.request('/api/documents/udi')).json()) as { text: string };
    expect(body.text).toBe(text);
  });

  it('answers 404 with a JSON error for an unknown id', async () => {
    const res = await app.request('/api/documents/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: expect.stringContaining('nope') } });
  });
});

describe('POST /api/search', () => {
  it('passes k and docIds to the search service and returns its hits', async () => {
    const res = await post('/api/search', { query: 'reflection period', k: 3, docIds: ['udi'] });
    expect(res.status).toBe(200);
    expect(requests[requests.length - 1]).toEqual({ query: 'reflection period', k: 3, docIds: ['udi'] });
    const { results } = (await res.json()) as { results: Hit[] };
    expect(results.map((r) => r.id)).toEqual(['udi#0']);
  });

  it('defaults k to 8 and trims the query', async () => {
    await post('/api/search', { query: '  permits  ' });
    expect(requests[requests.length - 1]).toEqual({ query: 'permits', k: 8 });
  });

  it.each([
    ['an empty query', { query: '' }, /query/],
    ['a white-space query', { query: '   ' }, /query: must not be empty/],
    ['k out of range', { query: 'x', k: 51 }, /k:/],
    ['a non-integer k', { query: 'x', k: 1.5 }, /k:/],
    ['a query of the wrong type', { query: 5 }, /query/],
    ['an unknown field', { query: 'x', extra: 1 }, /unknown field/],
    ['an empty docIds list', { query: 'x', docIds: [] }, /docIds/],
    ['an unknown document id', { query: 'x', docIds: ['nope'] }, /unknown document id/],
    ['a too long query', { query: 'x'.repeat(2001) }, /2000/],
  ])('rejects %s with 400 and says what is wrong', async (_name, body, message) => {
    const res = await post('/api/search', body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe('invalid_input');
    expect(json.error.message).toMatch(message);
  });

  it('rejects malformed JSON with 400 invalid_json', async () => {
    const res = await post('/api/search', '{"query": ');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_json');
  });

  it('rejects a body over 64 KB with 413', async () => {
    const res = await post('/api/search', { query: 'x', pad: 'y'.repeat(70_000) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });
});

describe('routing errors', () => {
  it('answers 405 with an Allow header for a wrong method', async () => {
    const res = await app.request('/api/search');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('answers 404 in JSON for an unknown route', async () => {
    const res = await app.request('/api/nothing');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

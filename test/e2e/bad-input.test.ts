import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { createApp } from '../../src/server/app.ts';
import { getTestRuntime } from '../support/runtime.ts';

async function makeApp() {
  const rt = await getTestRuntime();
  return createApp({ documents: rt.documents, search: rt.searcher, chunkCount: rt.index.chunks.length, embedderName: rt.embedder.name, answerer: rt.answerer, logger: silentLogger });
}

type Case = [name: string, method: string, path: string, body: string | undefined, status: number, message: RegExp];

const json = (v: unknown): string => JSON.stringify(v);
const user = (content: unknown) => ({ role: 'user', content });
const long = 'x'.repeat(2001);

const CASES: Case[] = [
  ['malformed JSON (search)', 'POST', '/api/search', '{"query": "x"', 400, /not valid JSON/],
  ['malformed JSON (chat)', 'POST', '/api/chat', '{"messages": [', 400, /not valid JSON/],
  ['JSON null body', 'POST', '/api/search', 'null', 400, /body|expected object/i],
  ['JSON array body', 'POST', '/api/search', '[]', 400, /expected object/i],
  ['JSON string body', 'POST', '/api/chat', '"hello"', 400, /expected object/i],
  ['empty body', 'POST', '/api/search', '', 400, /JSON|body|query/i],
  ['missing query', 'POST', '/api/search', json({}), 400, /query/],
  ['query is a number', 'POST', '/api/search', json({ query: 42 }), 400, /query/],
  ['query is null', 'POST', '/api/search', json({ query: null }), 400, /query/],
  ['query is an object', 'POST', '/api/search', json({ query: { $ne: 1 } }), 400, /query/],
  ['empty query', 'POST', '/api/search', json({ query: '' }), 400, /query/],
  ['white-space query', 'POST', '/api/search', json({ query: ' \n\t ' }), 400, /empty/],
  ['query over 2000 characters', 'POST', '/api/search', json({ query: long }), 400, /2000/],
  ['k = 0', 'POST', '/api/search', json({ query: 'x', k: 0 }), 400, /k:/],
  ['k = 51', 'POST', '/api/search', json({ query: 'x', k: 51 }), 400, /k:/],
  ['k negative', 'POST', '/api/search', json({ query: 'x', k: -3 }), 400, /k:/],
  ['k fractional', 'POST', '/api/search', json({ query: 'x', k: 2.5 }), 400, /k:/],
  ['k as string', 'POST', '/api/search', json({ query: 'x', k: '5' }), 400, /k:/],
  ['k huge', 'POST', '/api/search', json({ query: 'x', k: 1e12 }), 400, /k:/],
  ['docIds not an array', 'POST', '/api/search', json({ query: 'x', docIds: 'tip-2006' }), 400, /docIds/],
  ['docIds empty', 'POST', '/api/search', json({ query: 'x', docIds: [] }), 400, /docIds/],
  ['docIds with a number', 'POST', '/api/search', json({ query: 'x', docIds: [1] }), 400, /docIds/],
  ['docIds unknown', 'POST', '/api/search', json({ query: 'x', docIds: ['nope'] }), 400, /unknown document/],
  ['docIds with an empty id', 'POST', '/api/search', json({ query: 'x', docIds: [''] }), 400, /docIds/],
  ['unknown search field', 'POST', '/api/search', json({ query: 'x', limit: 3 }), 400, /unknown field/],
  ['missing messages', 'POST', '/api/chat', json({}), 400, /messages/],
  ['messages not an array', 'POST', '/api/chat', json({ messages: 'hi' }), 400, /messages/],
  ['messages empty', 'POST', '/api/chat', json({ messages: [] }), 400, /at least one/],
  ['more than 40 messages', 'POST', '/api/chat', json({ messages: Array.from({ length: 41 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: 'q' })) }), 400, /40/],
  ['unknown role', 'POST', '/api/chat', json({ messages: [{ role: 'system', content: 'x' }] }), 400, /role/],
  ['role missing', 'POST', '/api/chat', json({ messages: [{ content: 'x' }] }), 400, /role/],
  ['content missing', 'POST', '/api/chat', json({ messages: [{ role: 'user' }] }), 400, /content/],
  ['content a number', 'POST', '/api/chat', json({ messages: [user(5)] }), 400, /content/],
  ['content null', 'POST', '/api/chat', json({ messages: [user(null)] }), 400, /content/],
  ['empty question', 'POST', '/api/chat', json({ messages: [user('')] }), 400, /question/],
  ['white-space question', 'POST', '/api/chat', json({ messages: [user('   \n ')] }), 400, /question/],
  ['question over 2000 characters', 'POST', '/api/chat', json({ messages: [user(long)] }), 400, /2000/],
  ['last message from the assistant', 'POST', '/api/chat', json({ messages: [user('hi'), { role: 'assistant', content: 'yo' }] }), 400, /last message/],
  ['extra message field', 'POST', '/api/chat', json({ messages: [{ role: 'user', content: 'x', name: 'n' }] }), 400, /unknown field/],
  ['stream not a boolean', 'POST', '/api/chat', json({ messages: [user('x')], stream: 'yes' }), 400, /stream/],
  ['chat docIds unknown', 'POST', '/api/chat', json({ messages: [user('x')], docIds: ['zzz'] }), 400, /unknown document/],
  ['unknown chat field', 'POST', '/api/chat', json({ messages: [user('x')], temperature: 2 }), 400, /unknown field/],
  ['prototype pollution attempt', 'POST', '/api/search', '{"query":"x","__proto__":{"admin":true}}', 400, /unknown field|__proto__/],
  ['body over 64 KB', 'POST', '/api/search', json({ query: 'x', pad: 'y'.repeat(70_000) }), 413, /too large|at most/],
  ['GET on search', 'GET', '/api/search', undefined, 405, /not allowed/],
  ['PUT on chat', 'PUT', '/api/chat', json({}), 405, /not allowed/],
  ['DELETE on documents', 'DELETE', '/api/documents', undefined, 405, /not allowed/],
  ['POST on health', 'POST', '/api/health', json({}), 405, /not allowed/],
  ['unknown API route', 'GET', '/api/unknown', undefined, 404, /no route/],
  ['unknown document', 'GET', '/api/documents/nope', undefined, 404, /no document/],
  ['path traversal in document id', 'GET', '/api/documents/..%2F..%2Fetc%2Fpasswd', undefined, 404, /no document/],
  ['very long document id', 'GET', `/api/documents/${'a'.repeat(500)}`, undefined, 400, /id/],
];

describe('bad input', () => {
  it.each(CASES)('rejects %s with a clear JSON error', async (_name, method, path, body, status, message) => {
    const app = await makeApp();
    const res = await app.request(path, { method, ...(body !== undefined ? { body, headers: { 'content-type': 'application/json' } } : {}) });
    expect(res.status).toBe(status);
    const parsed = (await res.json()) as { error: { code: string; message: string } };
    expect(parsed.error.code).toMatch(/^[a-z_]+$/);
    expect(parsed.error.message).toMatch(message);
  });

  it.each(['application/x-www-form-urlencoded', 'text/plain'])('refuses a body sent as %s with 415 and says to send JSON', async (type) => {
    const app = await makeApp();
    const res = await app.request('/api/search', { method: 'POST', body: '{"query":"x"}', headers: { 'content-type': type } });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/application\/json/);
  });

  it.each([
    ['emoji', 'How long is the reflection period? 🙏🏽👩‍👧'],
    ['right-to-left text', 'كم مدة فترة التفكير؟ reflection period'],
    ['combining marks', 'Re\u0301flection pe\u0301riod for vi\u0308ctims'],
    ['a NUL and control characters', 'reflection\u0000 period\u0007\u001b[31m'],
    ['lone surrogates', 'reflection \ud800 period \udfff'],
    ['zero-width and bidi overrides', 'refl\u200bection \u202eperiod\u202c'],
    ['HTML and script', '<img src=x onerror=alert(1)><script>alert(1)</script> reflection period'],
    ['only punctuation', '?!?.,;'],
    // Long runs of blanks inside question patterns: a regex that can split the run many ways would hang.
    ['a long run of blanks in a definition question', `What is ${' '.repeat(1900)}x!`],
    ['a long run of tabs and quotes', `'${'\t '.repeat(900)}' mean?`],
  ])('answers a question with %s without failing', async (_name, question) => {
    const app = await makeApp();
    for (const path of ['/api/search', '/api/chat']) {
      const body = path === '/api/search' ? { query: question } : { messages: [user(question)] };
      const res = await app.request(path, { method: 'POST', body: json(body), headers: { 'content-type': 'application/json' } });
      expect(res.status, path).toBe(200);
    }
  });

  it('survives a seeded fuzz run of random JSON bodies, then still answers /api/health', async () => {
    const app = await makeApp();
    let seed = 20261127;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const value = (depth: number): unknown => {
      const kinds = depth > 2 ? ['str', 'num', 'bool', 'null'] : ['str', 'num', 'bool', 'null', 'arr', 'obj'];
      switch (pick(kinds)) {
        case 'str':
          return pick(['', ' ', 'reflection period', '\u0000', '🙂', 'x'.repeat(Math.floor(rand() * 3000)), '[1]', '{"a":1}']);
        case 'num':
          return pick([0, -1, 1.5, 8, 51, 1e308, Number.MAX_SAFE_INTEGER]);
        case 'bool':
          return rand() > 0.5;
        case 'null':
          return null;
        case 'arr':
          return Array.from({ length: Math.floor(rand() * 4) }, () => value(depth + 1));
        default:
          return Object.fromEntries(
            Array.from({ length: Math.floor(rand() * 4) }, () => [pick(['query', 'k', 'docIds', 'messages', 'role', 'content', 'stream', 'x']), value(depth + 1)]),
          );
      }
    };
    for (let i = 0; i < 300; i++) {
      const path = pick(['/api/search', '/api/chat']);
      const body = rand() < 0.1 ? JSON.stringify(value(0)).slice(0, Math.floor(rand() * 20)) : JSON.stringify(value(0));
      const res = await app.request(path, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      expect(res.status, `${path} ${body.slice(0, 200)}`).toBeLessThan(500);
      await res.arrayBuffer();
    }
    expect((await app.request('/api/health')).status).toBe(200);
  });
});

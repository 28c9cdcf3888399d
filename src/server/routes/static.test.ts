import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../log.ts';
import { createApp } from '../app.ts';
import { staticRoutes } from './static.ts';

let root: string;
let webDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'kilde-static-'));
  webDir = path.join(root, 'web');
  await mkdir(path.join(webDir, 'sub'), { recursive: true });
  await writeFile(path.join(webDir, 'index.html'), '<!doctype html><title>Kilde</title>');
  await writeFile(path.join(webDir, 'chat.css'), 'body{}');
  await writeFile(path.join(webDir, 'chat.js'), 'export {};');
  await writeFile(path.join(webDir, '.secret.js'), 'hidden');
  await writeFile(path.join(webDir, 'sub', 'inner.js'), 'nested');
  await writeFile(path.join(root, 'outside.js'), 'outside');
  await symlink(path.join(root, 'outside.js'), path.join(webDir, 'linked.js'));
  await symlink(path.join(webDir, 'chat.js'), path.join(webDir, 'alias.js'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('staticRoutes', () => {
  it('follows no link out of the folder, but one inside it', async () => {
    const app = staticRoutes(webDir);
    expect((await app.request('/linked.js')).status).toBe(404);
    expect(await (await app.request('/alias.js')).text()).toBe('export {};');
  });

  it('answers revalidation with 304 and no body, by ETag or by date', async () => {
    const app = staticRoutes(webDir);
    const first = await app.request('/chat.css');
    const etag = first.headers.get('etag') ?? '';
    const modified = first.headers.get('last-modified') ?? '';
    expect(etag).toMatch(/^W\/"/);
    expect(modified).not.toBe('');
    const byTag = await app.request('/chat.css', { headers: { 'if-none-match': etag } });
    expect(byTag.status).toBe(304);
    expect(await byTag.text()).toBe('');
    expect((await app.request('/chat.css', { headers: { 'if-modified-since': modified } })).status).toBe(304);
    expect((await app.request('/chat.css', { headers: { 'if-none-match': 'W/"other"' } })).status).toBe(200);
    expect((await app.request('/chat.css', { headers: { 'if-modified-since': 'Thu, 01 Jan 1970 00:00:00 GMT' } })).status).toBe(200);
  });

  it('serves index.html at /', async () => {
    const res = await staticRoutes(webDir).request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toContain('<title>Kilde</title>');
  });

  it('serves assets by name with their content types', async () => {
    const app = staticRoutes(webDir);
    const css = await app.request('/chat.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toBe('body{}');
    const js = await app.request('/chat.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('export {};');
  });

  it('answers 404 JSON for missing files, dot-files, folders and paths outside the folder', async () => {
    const app = staticRoutes(webDir);
    for (const url of ['/missing.js', '/linked.js', '/.secret.js', '/sub', '/sub/inner.js', '/../outside.js', '/%2e%2e%2foutside.js', '/..%2foutside.js', '/index.html%00.js']) {
      const res = await app.request(url);
      expect(res.status, url).toBe(404);
      if (res.headers.get('content-type')?.includes('json')) {
        expect((await res.json()) as unknown, url).toMatchObject({ error: { code: 'not_found' } });
      }
    }
  });
});

describe('createApp with webDir', () => {
  const app = () =>
    createApp({
      documents: [],
      search: { search: async () => [] },
      chunkCount: 0,
      embedderName: 'fake',
      answerer: { name: 'fake', answer: async () => Promise.reject(new Error('unused')) },
      logger: silentLogger,
      webDir,
    });

  it('serves the page at / and keeps /api/* for the API', async () => {
    const page = await app().request('/');
    expect(page.status).toBe(200);
    const health = await app().request('/api/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
  });

  it('still answers 404 JSON and 405 for unknown paths and wrong methods', async () => {
    const missing = await app().request('/nope.css');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
    const deep = await app().request('/a/b/c.js');
    expect(deep.status).toBe(404);
    const wrong = await app().request('/api/chat');
    expect(wrong.status).toBe(405);
  });
});

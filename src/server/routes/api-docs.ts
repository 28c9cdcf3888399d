/** @module GET /api/docs: a readable API reference, rendered in the browser from /api/openapi.json; no CDN. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import { errorBody } from '../errors.ts';

export function apiDocsRoutes(webDir: string): Hono {
  const app = new Hono();
  // Read per request, like the chat page's files, so an edited page is served at once.
  app.get('/docs', async (c) => {
    const page = await readFile(join(webDir, 'api-docs.html'), 'utf8').catch(() => null);
    if (page === null) return c.json(errorBody('not_found', 'this server has no API reference page'), 404);
    c.header('Cache-Control', 'no-cache');
    return c.html(page);
  });
  return app;
}

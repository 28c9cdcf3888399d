/** @module The chat page: serves the files of `web/` at `/`, one flat folder (security headers come from app.ts). */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { errorBody } from '../errors.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Only plain file names with a known extension: no slashes, no dot-files, so no way out of the folder. */
const ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*\.(?:html|css|js|svg)$/;

export function staticRoutes(webDir: string): Hono {
  const root = path.resolve(webDir);

  async function load(name: string): Promise<{ body: Buffer; type: string } | undefined> {
    if (!ASSET_NAME.test(name)) return undefined;
    const file = path.join(root, name);
    if (path.dirname(file) !== root) return undefined;
    try {
      if (!(await stat(file)).isFile()) return undefined;
      return { body: await readFile(file), type: CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream' };
    } catch {
      return undefined;
    }
  }

  async function respond(c: Context, name: string): Promise<Response> {
    const found = await load(name);
    if (!found) return c.json(errorBody('not_found', `no file ${name.slice(0, 100)}`), 404);
    c.header('Content-Type', found.type);
    // Read on every request and revalidated by the browser, so an edited page never goes stale.
    c.header('Cache-Control', 'no-cache');
    return c.body(new Uint8Array(found.body));
  }

  const app = new Hono();
  app.get('/', (c) => respond(c, 'index.html'));
  app.get('/:name', (c) => respond(c, c.req.param('name')));
  return app;
}

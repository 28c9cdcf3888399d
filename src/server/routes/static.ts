/**
 * @module The chat page: serves the files of `web/` at `/`, one flat folder (security headers come
 * from app.ts). No link is followed out of the folder, and every file carries an ETag and
 * Last-Modified, so a browser's revalidation costs a 304 and no body.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
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
  const realRoot = realpath(root).catch(() => root);

  async function load(name: string): Promise<{ body: Buffer; type: string; etag: string; modified: Date } | undefined> {
    if (!ASSET_NAME.test(name)) return undefined;
    const file = path.join(root, name);
    if (path.dirname(file) !== root) return undefined;
    try {
      // A symbolic link may point anywhere: only a file really inside the folder is served.
      if (path.dirname(await realpath(file)) !== (await realRoot)) return undefined;
      const info = await stat(file);
      if (!info.isFile()) return undefined;
      return { body: await readFile(file), type: CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream', etag: `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`, modified: info.mtime };
    } catch {
      return undefined;
    }
  }

  async function respond(c: Context, name: string): Promise<Response> {
    const found = await load(name);
    if (!found) return c.json(errorBody('not_found', `no file ${name.slice(0, 100)}`), 404);
    c.header('ETag', found.etag);
    c.header('Last-Modified', found.modified.toUTCString());
    // Revalidated on every use, so an edited page never goes stale, yet costs a 304 when unchanged.
    c.header('Cache-Control', 'no-cache');
    const match = c.req.header('if-none-match');
    const since = Date.parse(c.req.header('if-modified-since') ?? '');
    const unchanged = match !== undefined ? match.split(',').some((tag) => tag.trim() === found.etag || tag.trim() === '*') : Number.isFinite(since) && Math.floor(found.modified.getTime() / 1000) <= Math.floor(since / 1000);
    if (unchanged) return c.body(null, 304);
    c.header('Content-Type', found.type);
    return c.body(new Uint8Array(found.body));
  }

  const app = new Hono();
  app.get('/', (c) => respond(c, 'index.html'));
  app.get('/:name', (c) => respond(c, c.req.param('name')));
  return app;
}

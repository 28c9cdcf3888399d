/** @module Optional API key: `Authorization: Bearer <key>` on the API, via Hono's bearer-auth, answering JSON errors. */
import type { MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { errorBody } from '../errors.ts';

/** Paths that stay open with a key set: liveness checks and the API description and its reference page. */
// Help contacts are open too: a person in need must never be asked for a key.
const OPEN_PATHS = new Set(['/api/health', '/api/help', '/api/openapi.json', '/api/docs']);

export function apiKey(key: string): MiddlewareHandler {
  const missing = errorBody('unauthorized', 'this server needs an API key: send "Authorization: Bearer <key>"');
  const wrong = errorBody('unauthorized', 'the API key is not valid');
  const check = bearerAuth({
    token: key,
    noAuthenticationHeader: { message: missing },
    invalidAuthenticationHeader: { message: missing },
    invalidToken: { message: wrong },
  });
  return async function requireApiKey(c, next) {
    if (OPEN_PATHS.has(c.req.path)) return next();
    return check(c, next);
  };
}

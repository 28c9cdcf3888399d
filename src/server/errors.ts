/** @module Maps every failure to `{ error: { code, message } }` with its status; unknown errors become a bare 500. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorCode } from '../errors.ts';
import type { Logger } from '../log.ts';
import { requestIdOf } from './request-id.ts';

export function errorBody(code: ErrorCode, message: string): { error: { code: ErrorCode; message: string } } {
  return { error: { code, message } };
}

/** Formats zod issues as one readable sentence per field, e.g. `query: must not be empty`. */
export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code?: string; keys?: string[] }>): string {
  return issues
    .map((i) => {
      const where = i.path.length ? i.path.map(String).join('.') : 'body';
      const what = i.code === 'unrecognized_keys' && i.keys ? `unknown field(s) ${i.keys.join(', ')}` : i.message;
      return `${where}: ${what}`;
    })
    .join('; ');
}

export function createErrorHandler(logger: Logger) {
  return function handleError(err: Error, c: Context): Response {
    const requestId = requestIdOf(c);
    if (err instanceof AppError && err.status < 500) {
      return c.json(errorBody(err.code, err.message), err.status as ContentfulStatusCode);
    }
    // A middleware that built its own answer (bearer-auth's JSON 401 with WWW-Authenticate) keeps it.
    if (err instanceof HTTPException && err.res) return err.getResponse();
    if (err instanceof HTTPException) {
      if (err.status === 413) return c.json(errorBody('payload_too_large', 'the request body is too large'), 413);
      if (err.status === 415) return c.json(errorBody('unsupported_media_type', 'the body must be JSON, sent with "Content-Type: application/json"'), 415);
      const malformed = /json/i.test(err.message);
      const code: ErrorCode = malformed ? 'invalid_json' : err.status === 401 ? 'unauthorized' : 'invalid_input';
      const message = malformed ? 'the request body is not valid JSON' : err.message || 'invalid request';
      return c.json(errorBody(code, message), err.status as ContentfulStatusCode);
    }
    if (err instanceof AppError) {
      logger.error('request failed', { requestId, code: err.code, error: err.message });
      return c.json(errorBody(err.code, err.message), err.status as ContentfulStatusCode);
    }
    logger.error('unexpected error', { requestId, error: err.message, stack: err.stack?.split('\n').slice(0, 4).join(' | ') });
    return c.json(errorBody('internal_error', 'something went wrong on our side; please try again'), 500);
  };
}

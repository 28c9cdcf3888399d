/** @module One JSON log line per request: id, method, route, status, duration. */
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../log.ts';
import { requestIdOf } from '../request-id.ts';

export function accessLog(logger: Logger): MiddlewareHandler {
  return async function logRequest(c, next) {
    const t0 = performance.now();
    await next();
    logger.info('request', {
      requestId: requestIdOf(c),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - t0) * 10) / 10,
      answerer: c.res.headers.get('x-kilde-answerer') ?? undefined,
    });
  };
}

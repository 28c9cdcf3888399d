/** @module Per-client rate limiting (fixed one-minute windows, in memory) answering 429 with Retry-After. */
import type { Context, MiddlewareHandler } from 'hono';
import { errorBody } from '../../errors.ts';

export interface RateLimitOptions {
  /** Requests per client per window; 0 turns limiting off. */
  limit: number;
  /** Window length in ms (default 60 000). */
  windowMs?: number;
  /** Who the client is; `null` exempts the request (e.g. loopback clients, when so configured). */
  clientKey: (c: Context) => string | null;
  /** Clock, for tests (default Date.now). */
  now?: () => number;
  /** Most clients tracked at once; the longest-tracked are forgotten first (default 10 000). */
  maxClients?: number;
}

/**
 * Counts requests per client in fixed windows. Windows of clients that went quiet are dropped as new
 * windows start, and at most `maxClients` are tracked, so memory stays bounded whatever clients send.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const maxClients = options.maxClients ?? 10_000;
  const counts = new Map<string, { windowStart: number; count: number }>();
  let sweptAt = now();
  return async function limitRate(c, next) {
    if (options.limit <= 0) return next();
    const key = options.clientKey(c);
    if (key === null) return next();
    const t = now();
    if (t - sweptAt > windowMs) {
      for (const [k, v] of counts) if (t - v.windowStart >= windowMs) counts.delete(k);
      sweptAt = t;
    }
    let entry = counts.get(key);
    if (!entry || t - entry.windowStart >= windowMs) {
      entry = { windowStart: t, count: 0 };
      counts.delete(key);
      counts.set(key, entry);
      if (counts.size > maxClients) counts.delete(counts.keys().next().value as string);
    }
    entry.count++;
    c.header('RateLimit-Limit', String(options.limit));
    c.header('RateLimit-Remaining', String(Math.max(0, options.limit - entry.count)));
    if (entry.count > options.limit) {
      const retryAfter = Math.max(1, Math.ceil((entry.windowStart + windowMs - t) / 1000));
      c.header('Retry-After', String(retryAfter));
      return c.json(errorBody('rate_limited', `too many requests: at most ${options.limit} per minute; try again in ${retryAfter} s`), 429);
    }
    return next();
  };
}

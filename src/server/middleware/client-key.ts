/** @module Who a client is, for rate limiting: the socket address, or the first X-Forwarded-For hop behind a trusted proxy. */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export interface ClientKeyOptions {
  /** Use X-Forwarded-For (set only when a trusted reverse proxy is in front). */
  trustProxy: boolean;
  /** Rate-limit clients on this machine too (off by default: local tools and benchmarks are trusted). */
  limitLoopback: boolean;
}

const LOOPBACK = /^(?:127\.|::1$|::ffff:127\.)/;

export function clientKeyFrom(options: ClientKeyOptions): (c: Context) => string | null {
  return function clientKey(c) {
    const forwarded = options.trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
    let address = forwarded;
    if (!address) {
      try {
        address = getConnInfo(c).remote.address;
      } catch {
        address = undefined;
      }
    }
    if (!address) return 'unknown';
    return !options.limitLoopback && LOOPBACK.test(address) ? null : address;
  };
}

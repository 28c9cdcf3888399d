/** @module Who a client is, for rate limiting: the socket address, or the address a trusted proxy appended. */
import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export interface ClientKeyOptions {
  /** A reverse proxy in front appends the client's address to X-Forwarded-For; use its last hop. */
  trustProxy: boolean;
  /** Rate-limit clients on this machine too (off by default: local tools and benchmarks are trusted). */
  limitLoopback: boolean;
}

const LOOPBACK = /^(?:127\.|::1$|::ffff:127\.)/;

/**
 * IPv6 clients are keyed by their /64 network, since one host commonly owns a whole /64 and could
 * otherwise rotate addresses to escape the limit.
 */
function keyOf(address: string): string {
  if (isIP(address) !== 6 || address.startsWith('::ffff:')) return address;
  return `${address.split(':').slice(0, 4).join(':')}::/64`;
}

export function clientKeyFrom(options: ClientKeyOptions): (c: Context) => string | null {
  return function clientKey(c) {
    if (options.trustProxy) {
      // The last hop is the one our proxy wrote; earlier hops are whatever the client sent.
      const forwarded = c.req.header('x-forwarded-for')?.split(',').pop()?.trim();
      if (forwarded && isIP(forwarded)) return keyOf(forwarded);
    }
    let address: string | undefined;
    try {
      address = getConnInfo(c).remote.address;
    } catch {
      address = undefined;
    }
    if (!address) return 'unknown';
    return !options.limitLoopback && LOOPBACK.test(address) ? null : keyOf(address);
  };
}

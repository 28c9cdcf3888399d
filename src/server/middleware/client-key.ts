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

/** The eight 16-bit groups of an IPv6 address, however it is written (compressed, padded, any case, a dotted IPv4 tail, a zone). */
function groupsOf(address: string): number[] {
  let text = (address.split('%')[0] ?? '').toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = tail === undefined ? front : [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back];
  return groups.map((g) => parseInt(g, 16) || 0);
}

/**
 * One key per client, however its address is spelled: an IPv4-mapped IPv6 address is its IPv4
 * address, and IPv6 clients are keyed by their /64 network, since one host commonly owns a whole
 * /64 and could otherwise rotate addresses to escape the limit.
 */
export function keyOf(address: string): string {
  if (isIP(address.split('%')[0] ?? '') !== 6) return address;
  const g = groupsOf(address);
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {
    const [hi = 0, lo = 0] = g.slice(6);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return `${g.slice(0, 4).map((x) => x.toString(16).padStart(4, '0')).join(':')}::/64`;
}

/** Loopback, once the key is normalised: 127.0.0.0/8, or ::1 (its /64 is all zeros). */
function isLoopback(address: string, key: string): boolean {
  if (key.startsWith('127.')) return true;
  return isIP(address.split('%')[0] ?? '') === 6 && groupsOf(address).every((x, i) => x === (i === 7 ? 1 : 0));
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
    const key = keyOf(address);
    return !options.limitLoopback && isLoopback(address, key) ? null : key;
  };
}

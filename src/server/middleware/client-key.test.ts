import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientKeyFrom, type ClientKeyOptions } from './client-key.ts';

async function keyFor(options: ClientKeyOptions, headers: Record<string, string>): Promise<string | null> {
  const app = new Hono();
  let key: string | null = 'unset';
  app.get('/', (c) => {
    key = clientKeyFrom(options)(c);
    return c.text('ok');
  });
  await app.request('/', { headers });
  return key;
}

describe('clientKeyFrom', () => {
  it('behind a trusted proxy, uses the last X-Forwarded-For hop, which the proxy wrote', async () => {
    expect(await keyFor({ trustProxy: true, limitLoopback: false }, { 'x-forwarded-for': '127.0.0.1, 203.0.113.9' })).toBe('203.0.113.9');
  });

  it('never exempts a forwarded address as loopback', async () => {
    expect(await keyFor({ trustProxy: true, limitLoopback: false }, { 'x-forwarded-for': '127.0.0.1' })).toBe('127.0.0.1');
  });

  it('ignores X-Forwarded-For unless a proxy is trusted', async () => {
    expect(await keyFor({ trustProxy: false, limitLoopback: false }, { 'x-forwarded-for': '203.0.113.9' })).toBe('unknown');
  });

  it('ignores a forwarded value that is not an IP address', async () => {
    expect(await keyFor({ trustProxy: true, limitLoopback: false }, { 'x-forwarded-for': 'evil' })).toBe('unknown');
  });

  it('keys IPv6 clients by their /64 network', async () => {
    expect(await keyFor({ trustProxy: true, limitLoopback: false }, { 'x-forwarded-for': '2001:db8:1:2:aaaa::1' })).toBe('2001:db8:1:2::/64');
  });
});

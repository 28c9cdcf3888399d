import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientKeyFrom, keyOf, type ClientKeyOptions } from './client-key.ts';

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
    expect(await keyFor({ trustProxy: true, limitLoopback: false }, { 'x-forwarded-for': '2001:db8:1:2:aaaa::1' })).toBe('2001:0db8:0001:0002::/64');
  });

  it('gives one key to every spelling of one client: compressed, zero-padded, upper-case, IPv4-mapped', () => {
    const spellings = ['2001:db8:0:1::5', '2001:0DB8:0000:0001:0000:0000:0000:0005', '2001:db8::1:0:0:0:5', '2001:DB8:0:1:ffff::9'];
    expect(new Set(spellings.map(keyOf))).toEqual(new Set(['2001:0db8:0000:0001::/64']));
    expect(['::ffff:203.0.113.9', '::FFFF:203.0.113.9', '0:0:0:0:0:ffff:cb00:7109', '::ffff:cb00:7109'].map(keyOf)).toEqual(Array(4).fill('203.0.113.9'));
    expect(keyOf('203.0.113.9')).toBe('203.0.113.9');
    expect(keyOf('fe80::1%eth0')).toBe('fe80:0000:0000:0000::/64');
  });
});

import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { rateLimit } from './index.ts';

function appWith(limit: number, clock: { t: number }, key: (ip: string) => string | null = (ip) => ip) {
  const app = new Hono();
  app.use('*', rateLimit({ limit, clientKey: (c) => key(c.req.header('x-test-client') ?? 'a'), now: () => clock.t }));
  app.get('/', (c) => c.text('ok'));
  return app;
}

describe('rateLimit', () => {
  it('answers 429 with Retry-After and a JSON error once a client passes the limit', async () => {
    const app = appWith(2, { t: 0 });
    expect((await app.request('/')).status).toBe(200);
    expect((await app.request('/')).status).toBe(200);
    const res = await app.request('/');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
  });

  it('counts each client separately', async () => {
    const app = appWith(1, { t: 0 });
    expect((await app.request('/', { headers: { 'x-test-client': 'a' } })).status).toBe(200);
    expect((await app.request('/', { headers: { 'x-test-client': 'b' } })).status).toBe(200);
    expect((await app.request('/', { headers: { 'x-test-client': 'a' } })).status).toBe(429);
  });

  it('lets a client in again when a new window starts', async () => {
    const clock = { t: 0 };
    const app = appWith(1, clock);
    await app.request('/');
    expect((await app.request('/')).status).toBe(429);
    clock.t = 60_001;
    expect((await app.request('/')).status).toBe(200);
  });

  it('never limits exempt clients, and is off at limit 0', async () => {
    const exempt = appWith(1, { t: 0 }, () => null);
    for (let i = 0; i < 5; i++) expect((await exempt.request('/')).status).toBe(200);
    const off = appWith(0, { t: 0 });
    for (let i = 0; i < 5; i++) expect((await off.request('/')).status).toBe(200);
  });

  it('tracks at most maxClients, forgetting the longest-tracked first', async () => {
    const app = new Hono();
    app.use('*', rateLimit({ limit: 1, maxClients: 2, clientKey: (c) => c.req.header('x-test-client') ?? 'a', now: () => 0 }));
    app.get('/', (c) => c.text('ok'));
    const from = (client: string) => app.request('/', { headers: { 'x-test-client': client } });
    await from('a');
    await from('b');
    await from('c');
    expect((await from('a')).status).toBe(200);
    expect((await from('c')).status).toBe(429);
  });
});

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineEnv } from '../support/offline-env.ts';
import type { AnswerResult } from '../../src/answer/types.ts';
import { QuoteLocator, overlap, type DocSpan } from '../../src/corpus/locate.ts';
import { goldQuotes, readEvalSet, type EvalItem } from '../../src/eval/dataset.ts';
import { messagesOf } from '../../src/train/collect.ts';
import type { Hit } from '../../src/types.ts';
import { TEST_INDEX_DIR, getTestRuntime } from '../support/runtime.ts';
import { startServer, type TestServer } from './harness.ts';

/**
 * The Cloudflare Worker in workerd (`wrangler dev`, offline), asked the dev questions beside the
 * Node server: its answers must hold up (support within 0.03, the same top search result for at
 * least 90% of questions), and `wrangler deploy --dry-run` must bundle it.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OFFLINE = { WRANGLER_SEND_METRICS: 'false', WRANGLER_SEND_ERROR_REPORTS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };
const env = (): Record<string, string> => ({
  ...offlineEnv(),
  ...OFFLINE,
  KILDE_INDEX_DIR: TEST_INDEX_DIR,
});
const wranglerBin = fileURLToPath(new URL('../../node_modules/wrangler/bin/wrangler.js', import.meta.url));

let worker: ChildProcess | undefined;
let workerUrl = '';
let node: TestServer;
let items: EvalItem[];
let coldStartMs = 0;

async function post<T>(base: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, `${base}${path}`).toBe(200);
  return (await res.json()) as T;
}

beforeAll(async () => {
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/build-worker.ts'], { cwd: ROOT, env: env(), encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
  const port = 24000 + Math.floor(Math.random() * 10000);
  workerUrl = `http://127.0.0.1:${port}`;
  const started = performance.now();
  worker = spawn(process.execPath, [wranglerBin, 'dev', '--ip', '127.0.0.1', '--port', String(port), '--show-interactive-dev-session=false'], { cwd: ROOT, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  worker.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  worker.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  for (;;) {
    if (worker.exitCode !== null) throw new Error(`wrangler dev exited: ${log}`);
    if (performance.now() - started > 90_000) throw new Error(`wrangler dev did not answer within 90 s: ${log}`);
    if (await fetch(`${workerUrl}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  coldStartMs = performance.now() - started;
  node = await startServer();
  items = await readEvalSet('eval/dev.jsonl');
}, 150_000);

afterAll(async () => {
  worker?.kill('SIGTERM');
  await node?.close();
});

describe('the Worker', () => {
  it('serves the chat page, the API reference and its health', async () => {
    const page = await fetch(`${workerUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Need help now?');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${workerUrl}/api/docs`)).status).toBe(200);
    expect(await (await fetch(`${workerUrl}/api/health`)).json()).toMatchObject({ status: 'ok', documents: 5, answerer: 'extractive' });
    console.log(`worker: wrangler dev answered health ${Math.round(coldStartMs)} ms after start`);
  });

  it('gives the same top search result as the Node server for at least 90% of the dev questions', async () => {
    let same = 0;
    for (const item of items) {
      const query = [...(item.history ?? []).filter((m) => m.role === 'user').map((m) => m.content), item.question].join(' ');
      const [w, n] = await Promise.all([post<{ results: Hit[] }>(workerUrl, '/api/search', { query, k: 5 }), post<{ results: Hit[] }>(node.url, '/api/search', { query, k: 5 })]);
      if (w.results[0]?.id === n.results[0]?.id) same++;
    }
    console.log(`worker: same top search result as Node for ${same}/${items.length}`);
    expect(same / items.length).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it('answers the dev questions with support within 0.03 of the Node server, every citation exact', async () => {
    const runtime = await getTestRuntime();
    const locator = new QuoteLocator(runtime.docs);
    const texts = new Map(runtime.docs.map((d) => [d.id, d.text]));
    const supported = { worker: 0, node: 0 };
    let answerable = 0;
    for (const item of items) {
      const gold = goldQuotes(item).map((q) => locator.locate(q)).filter((s): s is DocSpan => s !== null);
      const body = { messages: messagesOf(item) };
      const [w, n] = await Promise.all([post<AnswerResult>(workerUrl, '/api/chat', body), post<AnswerResult>(node.url, '/api/chat', body)]);
      for (const c of w.citations) expect(texts.get(c.docId)?.slice(c.start, c.end)).toBe(c.text);
      if (!gold.length) continue;
      answerable++;
      const cites = (r: AnswerResult): boolean => r.citations.some((c) => gold.some((g) => g.docId === c.docId && overlap(c, g) > 0));
      if (cites(w)) supported.worker++;
      if (cites(n)) supported.node++;
    }
    console.log(`worker: support ${supported.worker}/${answerable}, Node ${supported.node}/${answerable}`);
    expect(Math.abs(supported.worker - supported.node) / answerable).toBeLessThanOrEqual(0.03);
  }, 120_000);

  it('bundles with wrangler deploy --dry-run', async () => {
    const out = fileURLToPath(new URL('../output/worker-dist', import.meta.url));
    const run = spawnSync(process.execPath, [wranglerBin, 'deploy', '--dry-run', '--outdir', out], { cwd: ROOT, env: env(), encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const size = (await stat(`${out}/worker.js`)).size;
    console.log(`worker: bundle ${(size / 1e6).toFixed(2)} MB; ${/Total Upload: .*/.exec(run.stdout)?.[0] ?? ''}`);
    expect(size).toBeGreaterThan(0);
  }, 120_000);
});

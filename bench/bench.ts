/**
 * @module `npm run bench [-- --seconds 10 --soak 60]`: every speed figure of the product in one run,
 * printed as tables and written to bench/results/bench.json. Starts its own servers on loopback,
 * stops them, and asserts nothing: figures are read, not tested.
 *
 * Sections: ingest from scratch; cold start to the first answer; in-process and loopback latency
 * (search, chat, first SSE delta); throughput at concurrency 1, 16 and 64 with errors, memory and
 * CPU time a chat; a soak run's memory growth; the query embedding's CPU cost; 100 abandoned heavy
 * requests against /api/health; the textbook LangChain pipeline and a BM25-only pipeline side by side
 * (recall@5, MRR, throughput, CPU a chat); and how vector and keyword search grow at 10× and 100×.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { QuoteLocator, covers, type DocSpan } from '../src/corpus/locate.ts';
import { goldQuotes, readEvalSet } from '../src/eval/dataset.ts';
import { percentile } from '../src/eval/percentile.ts';
import { passageDocuments } from '../src/index/passage-search.ts';
import { silentLogger } from '../src/log.ts';
import { readQuestion } from '../src/query/analyse.ts';
import { createUseLiteEmbeddings } from '../src/embed/use-lite.ts';
import { createRuntime, type Runtime } from '../src/runtime.ts';
import { bm25Pipeline, textbookPipeline, type Pipeline } from './pipelines/textbook.ts';
import { scaleRows } from './scale.ts';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    soak: { type: 'string', default: '60' },
    set: { type: 'string', default: 'eval/bank/validation.jsonl' },
    /** HNSW search breadths measured at each scale (comma-separated). */
    'scale-ef': { type: 'string', default: '128,512' },
    /** HNSW graph degree and build breadth for the scale section. */
    'scale-m': { type: 'string', default: '32' },
    'scale-efc': { type: 'string', default: '400' },
    /** Only the scale section. */
    'only-scale': { type: 'boolean', default: false },
  },
});
const SECONDS = Math.max(2, Number(values.seconds));
const SOAK = Math.max(0, Number(values.soak));
const report: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: (await readFile('/proc/cpuinfo', 'utf8').catch(() => '')).split('\n').filter((l) => l.startsWith('processor')).length };
const stats = (ms: number[]) => ({ n: ms.length, p50: +percentile(ms, 0.5).toFixed(1), p95: +percentile(ms, 0.95).toFixed(1), p99: +percentile(ms, 0.99).toFixed(1) });
const table = (title: string, head: string[], rows: Array<Array<string | number>>): void => {
  console.log(`\n### ${title}\n| ${head.join(' | ')} |\n|${head.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
};
const questions = (await readEvalSet('eval/dev.jsonl')).map((i) => i.question);

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await dirBytes(path) : (await stat(path)).size;
  }
  return total;
}

/** A file of /proc/PID, or '' when the process or the file is gone (or the system has no /proc). */
function procFile(pid: number | undefined, name: string): string {
  try {
    return readFileSync(`/proc/${pid}/${name}`, 'utf8');
  } catch {
    return '';
  }
}

function rssMb(pid: number | undefined): number {
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(procFile(pid, 'status'))?.[1] ?? 0) / 1024);
}

async function waitFor(url: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function start(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, args, { env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const chatBody = (q: string, stream = false) => JSON.stringify({ messages: [{ role: 'user', content: q }], ...(stream ? { stream: true } : {}) });

/**
 * CPU time a process has used, all its threads (utime + stime of /proc/PID/stat, in clock ticks of
 * 10 ms: Linux's USER_HZ is 100 on every architecture Node runs on).
 */
function cpuMs(pid: number | undefined): number {
  const fields = procFile(pid, 'stat').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10;
}

/** `concurrency` clients asking distinct questions for `seconds`; chats answered per second, their latency and the server's CPU time per chat. */
async function throughput(base: string, concurrency: number, seconds: number, pid?: number) {
  const rssBefore = rssMb(pid);
  const cpuBefore = cpuMs(pid);
  const clientCpuBefore = process.cpuUsage();
  const latency: number[] = [];
  let errors = 0;
  let n = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < until) {
        const q = `${questions[n % questions.length]} (${worker}-${n++})`;
        const t = performance.now();
        try {
          const res = await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody(q) });
          await res.arrayBuffer();
          if (!res.ok) errors++;
        } catch {
          errors++;
        }
        latency.push(performance.now() - t);
      }
    }),
  );
  const perChat = (ms: number): number => (latency.length ? +(ms / latency.length).toFixed(1) : 0);
  const client = process.cpuUsage(clientCpuBefore);
  const serverCpuMsPerChat = perChat(cpuMs(pid) - cpuBefore);
  const clientCpuMsPerChat = perChat((client.user + client.system) / 1000);
  return { concurrency, chatsPerSecond: +(latency.length / seconds).toFixed(1), ...stats(latency), errors, serverCpuMsPerChat, clientCpuMsPerChat, rssBeforeMb: rssBefore, rssAfterMb: rssMb(pid) };
}

/** Time to the first `delta` event of a streamed chat. */
async function firstDelta(base: string, q: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody(q, true) });
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  let at = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    text += decoder.decode(r.value, { stream: true });
    if (!at && text.includes('event: delta')) at = performance.now() - t;
  }
  return at;
}

let runtime: Runtime | undefined;
const indexDir = await mkdtemp(join(tmpdir(), 'kilde-bench-'));
if (!values['only-scale']) {
  // 1. Ingest from scratch, then cold start to the first answer, on an index of the bench's own.
  let t0 = performance.now();
  const ingest = spawnSync(process.execPath, ['bin/kilde.mjs', 'ingest'], { env: { ...process.env, KILDE_INDEX_DIR: indexDir }, encoding: 'utf8' });
  if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);
  report['ingest'] = { fromScratchMs: Math.round(performance.now() - t0), indexMb: +((await dirBytes(indexDir)) / 1e6).toFixed(1) };

  const port = 23000 + Math.floor(Math.random() * 10000);
  const base = `http://127.0.0.1:${port}`;
  t0 = performance.now();
  const server = start(['bin/kilde.mjs', 'serve'], { PORT: String(port), KILDE_INDEX_DIR: indexDir });
  for (;;) {
    const ok = await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody(questions[0] ?? 'x') }).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  report['coldStartToFirstAnswerMs'] = Math.round(performance.now() - t0);
  table('Ingest and start', ['measure', 'value'], [
    ['ingest from scratch (ms)', (report['ingest'] as { fromScratchMs: number }).fromScratchMs],
    ['index size (MB)', (report['ingest'] as { indexMb: number }).indexMb],
    ['cold start to first answer (ms)', report['coldStartToFirstAnswerMs'] as number],
  ]);

  // 2. Loopback latency, one request at a time (warm).
  for (const q of questions.slice(0, 5)) await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody(q) });
  const loop = { search: [] as number[], chat: [] as number[], firstDelta: [] as number[] };
  for (const [i, q] of questions.entries()) {
    let t = performance.now();
    await (await fetch(`${base}/api/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `${q} ${i}`, k: 8 }) })).arrayBuffer();
    loop.search.push(performance.now() - t);
    t = performance.now();
    await (await fetch(`${base}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chatBody(`${q} ${i}.`) })).arrayBuffer();
    loop.chat.push(performance.now() - t);
    loop.firstDelta.push(await firstDelta(base, `${q} (${i})`));
  }

  // 3. Throughput at 1, 16 and 64 clients, then a soak run for memory.
  const runs = [];
  for (const c of [1, 16, 64]) runs.push(await throughput(base, c, SECONDS, server.pid));
  report['throughput'] = runs;
  if (SOAK) report['soak'] = await throughput(base, 16, SOAK, server.pid);
  await stop(server);

  // 4. In-process latency, warm, and retrieval quality of the three pipelines on the same questions.
  const rt = await createRuntime(loadConfig({ KILDE_INDEX_DIR: indexDir, LOG_LEVEL: 'silent' }), silentLogger);
  runtime = rt;
  for (const q of questions.slice(0, 5)) await rt.answerer.answer({ messages: [{ role: 'user', content: q }] });
  const inproc = { search: [] as number[], chat: [] as number[], firstDelta: [] as number[] };
  for (const [i, q] of questions.entries()) {
    let t = performance.now();
    await rt.searcher.search({ query: `${q} ${i}`, k: 8 });
    inproc.search.push(performance.now() - t);
    t = performance.now();
    let first = 0;
    await rt.answerer.answer({ messages: [{ role: 'user', content: `${q} (${i})` }], onDelta: () => void (first ||= performance.now() - t) });
    inproc.chat.push(performance.now() - t);
    inproc.firstDelta.push(first);
  }
  report['latency'] = { inProcess: { search: stats(inproc.search), chat: stats(inproc.chat), firstDelta: stats(inproc.firstDelta) }, loopback: { search: stats(loop.search), chat: stats(loop.chat), firstDelta: stats(loop.firstDelta) } };
  table('Latency, warm (ms)', ['operation', 'in-process p50 / p95 / p99', 'loopback p50 / p95 / p99'], (['search', 'chat', 'firstDelta'] as const).map((k) => {
    const a = stats(inproc[k]);
    const b = stats(loop[k]);
    return [k === 'firstDelta' ? 'first SSE delta' : k, `${a.p50} / ${a.p95} / ${a.p99}`, `${b.p50} / ${b.p95} / ${b.p99}`];
  }));
  table('Throughput (distinct chats, loopback)', ['clients', 'chats/s', 'p50 ms', 'p99 ms', 'errors', 'server / client CPU ms a chat', 'RSS before → after (MB)'], [...runs, ...(report['soak'] ? [{ ...(report['soak'] as (typeof runs)[number]), concurrency: `16, ${SOAK} s soak` }] : [])].map((r) => [r.concurrency, r.chatsPerSecond, r.p50, r.p99, r.errors, `${r.serverCpuMsPerChat} / ${r.clientCpuMsPerChat}`, `${r.rssBeforeMb} → ${r.rssAfterMb}`]));

  // The floor under any pipeline that embeds each distinct question: USE-lite's CPU time a query, on
  // one core, for the questions the throughput runs ask, one at a time and in the batches Kilde sends.
  const model = await createUseLiteEmbeddings();
  const asked = Array.from({ length: 128 }, (_, n) => `${questions[n % questions.length]} (${n % 16}-${n})`);
  const floor: Record<string, number> = {};
  for (const batch of [1, 8, 16]) {
    await model.embedDocuments(asked.slice(0, batch));
    const before = process.cpuUsage();
    for (let i = 0; i + batch <= asked.length; i += batch) await model.embedDocuments(asked.slice(i, i + batch));
    const used = process.cpuUsage(before);
    floor[`batch${batch}`] = +((used.user + used.system) / 1000 / asked.length).toFixed(1);
  }
  report['queryEmbeddingCpuMs'] = floor;
  table('Query embedding, USE-lite, CPU ms a question (the questions the throughput runs ask)', ['batch of 1', 'batch of 8', 'batch of 16'], [[floor['batch1'] ?? 0, floor['batch8'] ?? 0, floor['batch16'] ?? 0]]);

  const items = await readEvalSet(values.set ?? 'eval/bank/validation.jsonl');
  const locator = new QuoteLocator(rt.docs);
  const cases = items.map((i) => ({ question: i.question, gold: goldQuotes(i).map((q) => locator.locate(q)).filter((s): s is DocSpan => s !== null) })).filter((c) => c.gold.length && !(c.question.length < 3));
  async function quality(search: (q: string) => Promise<DocSpan[]>) {
    let r5 = 0;
    let mrr = 0;
    for (const c of cases) {
      const hits = await search(c.question);
      const ranks = c.gold.map((g) => hits.findIndex((h) => covers(h, g)));
      if (ranks.every((r) => r >= 0 && r < 5)) r5++;
      const firstRank = Math.min(...ranks.filter((r) => r >= 0));
      if (Number.isFinite(firstRank)) mrr += 1 / (firstRank + 1);
    }
    return { recallAt5: +(r5 / cases.length).toFixed(3), mrr: +(mrr / cases.length).toFixed(3) };
  }
  const pipelines: Record<string, Pipeline> = { textbook: await textbookPipeline(), 'bm25-only': await bm25Pipeline() };
  const compared: Array<Record<string, string | number>> = [];
  compared.push({ pipeline: 'kilde', ...(await quality(async (q) => rt.searcher.search({ query: q, k: 8 }))), chatsPerSecondAt16: runs[1]?.chatsPerSecond ?? 0, p99At16: runs[1]?.p99 ?? 0, errorsAt16: runs[1]?.errors ?? 0, serverCpuMsPerChat: runs[1]?.serverCpuMsPerChat ?? 0 });
  for (const [name, pipeline] of Object.entries(pipelines)) {
    const q = await quality((text) => pipeline.search(text, 8));
    const other = start(['--import', 'tsx', 'bench/pipelines/serve-textbook.ts'], { PORT: String(port + 1), ...(name === 'bm25-only' ? { PIPELINE: 'bm25' } : {}) });
    await waitFor(`http://127.0.0.1:${port + 1}/api/health`);
    const run = await throughput(`http://127.0.0.1:${port + 1}`, 16, SECONDS, other.pid);
    await stop(other);
    compared.push({ pipeline: name, ...q, chatsPerSecondAt16: run.chatsPerSecond, p99At16: run.p99, errorsAt16: run.errors, serverCpuMsPerChat: run.serverCpuMsPerChat });
  }
  report['pipelines'] = { set: values.set, questions: cases.length, rows: compared };
  table(`Pipelines side by side (${cases.length} questions of ${values.set}; 16 clients for ${SECONDS} s each)`, ['pipeline', 'recall@5', 'MRR', 'chats/s', 'p99 ms', 'errors', 'server CPU ms a chat'], compared.map((r) => [r['pipeline'] ?? '', r['recallAt5'] ?? '', r['mrr'] ?? '', r['chatsPerSecondAt16'] ?? '', r['p99At16'] ?? '', r['errorsAt16'] ?? '', r['serverCpuMsPerChat'] ?? '']));

  // 5. Abandoned heavy requests (its own server and report).
  const abandon = spawnSync(process.execPath, ['--import', 'tsx', 'bench/abandon.ts'], { env: { ...process.env, KILDE_INDEX_DIR: indexDir }, encoding: 'utf8' });
  report['abandoned'] = JSON.parse(abandon.stdout.trim().split('\n').pop() ?? '{}') as unknown;
  table('100 abandoned 2,000-character questions', ['measure', 'value'], Object.entries(report['abandoned'] as Record<string, number>).map(([k, v]) => [k, v]));
}

// 6. Scale.
const scaleRuntime = runtime ?? (await createRuntime(loadConfig({ LOG_LEVEL: 'silent' }), silentLogger));
const queryVectors = await Promise.all(questions.slice(0, 60).map((q) => scaleRuntime.embedder.embedQuery(q)));
const queryTerms = questions.slice(0, 60).map((q) => readQuestion(q, '', scaleRuntime.reader).terms);
const docs = passageDocuments(scaleRuntime.index.passages, scaleRuntime.index.sentences, scaleRuntime.index.sectionsByDoc, scaleRuntime.docs);
const efs = (values['scale-ef'] ?? '128').split(',').map(Number).filter((ef) => ef > 0);
const scale = await scaleRows(scaleRuntime.index, docs, queryVectors, queryTerms, [1, 10, 100], { m: Number(values['scale-m']), efConstruction: Number(values['scale-efc']) }, efs);
report['scale'] = scale;
table('Scale (synthetic copies of the real vectors and passages)', ['corpus', 'vectors', 'passages', 'HNSW M / efC / ef', 'HNSW build ms', 'index MB', 'vector query p50 ms', 'recall@10 vs exact', 'BM25 top-40 p50 ms, new terms', 'BM25 top-40 p50 ms, known terms'], scale.map((r) => [`${r.scale}×`, r.vectors, r.passages, `${r.hnsw.m} / ${r.hnsw.efConstruction} / ${r.hnsw.ef}`, r.buildMs, r.indexMb, r.vectorQueryP50Ms, r.recallAt10, r.bm25QueryP50Ms, r.bm25WarmP50Ms]));

await rm(indexDir, { recursive: true, force: true });
const scaleFile = `bench/results/scale-m${values['scale-m']}-efc${values['scale-efc']}.json`;
await writeFile(values['only-scale'] ? scaleFile : 'bench/results/bench.json', `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nwritten: ${values['only-scale'] ? scaleFile : 'bench/results/bench.json'}`);
process.exit(0);

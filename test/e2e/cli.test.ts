import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineEnv } from '../support/offline-env.ts';
import type { AnswerResult, Citation } from '../../src/answer/types.ts';
import type { Hit } from '../../src/types.ts';
import { TEST_INDEX_DIR } from '../support/runtime.ts';
import { startServer, type TestServer } from './harness.ts';

/** The `kilde` command as a child process, as a user runs it after `npm ci`. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const QUESTION = 'How long is the reflection period?';
let server: TestServer;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function kilde(...args: string[]): Promise<Run> {
  const env = offlineEnv();
  return new Promise((resolve) => {
    execFile(process.execPath, ['bin/kilde.mjs', ...args], { cwd: ROOT, env: { ...env, KILDE_INDEX_DIR: TEST_INDEX_DIR }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function apiChat(content: string, docIds?: string[]): Promise<AnswerResult> {
  const res = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content }], ...(docIds ? { docIds } : {}) }) });
  return (await res.json()) as AnswerResult;
}

/** A port nobody listens on now (the server refuses PORT=0). */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  return typeof address === 'object' && address ? address.port : 0;
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

describe('kilde ask', () => {
  it('prints the answer, then numbered references quoting each passage; the citations are those of /api/chat', async () => {
    const [run, expected] = await Promise.all([kilde('ask', QUESTION), apiChat(QUESTION)]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(expected.answer)).toBe(true);
    expect(run.stdout).toContain('References:');
    for (const c of expected.citations) expect(run.stdout).toContain(`[${c.n}] ${c.docTitle}`);
  });

  it('--json prints the raw answer with the same citations as /api/chat', async () => {
    const [run, expected] = await Promise.all([kilde('ask', '--json', QUESTION), apiChat(QUESTION)]);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as AnswerResult;
    expect(printed.citations).toEqual(expected.citations);
    expect(printed.answer).toBe(expected.answer);
  });

  it('--doc limits the answer to the documents named', async () => {
    const run = await kilde('ask', '--json', '--doc', 'tip-2025', 'What does the report recommend?');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as AnswerResult;
    const expected = await apiChat('What does the report recommend?', ['tip-2025']);
    expect(printed.citations).toEqual(expected.citations);
    expect(printed.citations.every((c: Citation) => c.docId === 'tip-2025')).toBe(true);
  });

  it('exits 2 with a clear message for an empty question or an unknown document', async () => {
    const empty = await kilde('ask', '   ');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/kilde: the question must not be empty/);
    const unknown = await kilde('ask', '--doc', 'nope', QUESTION);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown document id(s) "nope"; known: ');
  });
});

describe('kilde search', () => {
  it('--json prints the hits /api/search returns', async () => {
    const run = await kilde('search', '--json', '-k', '3', 'reflection period');
    expect(run.code).toBe(0);
    const res = await fetch(`${server.url}/api/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'reflection period', k: 3 }) });
    expect((JSON.parse(run.stdout) as { results: Hit[] }).results).toEqual(((await res.json()) as { results: Hit[] }).results);
  });

  it('rejects a k out of range with exit code 2', async () => {
    const run = await kilde('search', '-k', '500', 'reflection period');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('-k must be a whole number from 1 to 50');
  });
});

describe('kilde serve and kilde ingest', () => {
  it('serve starts the server, which answers, and stops on SIGTERM', async () => {
    const env = offlineEnv();
    const child = spawn(process.execPath, ['bin/kilde.mjs', 'serve'], { cwd: ROOT, env: { ...env, KILDE_INDEX_DIR: TEST_INDEX_DIR, PORT: String(await freePort()), LOG_LEVEL: 'info' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        const found = /"url":"(http:\/\/[^"]+)"/.exec(log);
        if (found?.[1]) resolve(found[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited early (${code}): ${log}`)));
    });
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
  });

  it('ingest reports the index in words, not JSON', async () => {
    const run = await kilde('ingest');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^index up to date in \d+ ms: 5 documents, \d+ sections/);
    expect(run.stderr).not.toContain('{"time"');
  });
});

describe('kilde itself', () => {
  it('--help lists every command and exits 0', async () => {
    const run = await kilde('--help');
    expect(run.code).toBe(0);
    for (const command of ['serve', 'ingest', 'ask', 'search', 'eval', 'mcp']) expect(run.stdout).toContain(`  ${command}`);
  });

  it('an unknown command or option exits 2 and points to --help', async () => {
    const command = await kilde('frobnicate');
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('unknown command "frobnicate"');
    const option = await kilde('ask', '--colour', QUESTION);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('try kilde --help');
  });

  it('no command prints the usage and exits 2', async () => {
    const run = await kilde();
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Usage: kilde <command>');
  });
});

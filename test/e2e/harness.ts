/** @module The real app on a random local port, and Debian's Chromium driven by playwright-core, for browser tests. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser } from 'playwright-core';
import type { Answerer } from '../../src/answer/answerer.ts';
import type { AnswerRequest, AnswerResult } from '../../src/answer/types.ts';
import { silentLogger } from '../../src/log.ts';
import { createApp } from '../../src/server/app.ts';
import { getTestRuntime } from '../support/runtime.ts';

export const WEB_DIR = fileURLToPath(new URL('../../web', import.meta.url));
export const SCREENSHOT_DIR = fileURLToPath(new URL('../output/screenshots', import.meta.url));
/** Debian's Chromium; set KILDE_CHROMIUM where it lives elsewhere (e.g. /usr/bin/chromium-browser). */
const CHROMIUM = process.env['KILDE_CHROMIUM'] ?? '/usr/bin/chromium';

/**
 * The offline answerer produces its whole answer at once; this one replays its words with short pauses, and can hold
 * an answer halfway until the test lets go, so a test can see the page mid-stream. It can also stream a false start
 * and withdraw it with a reset, as the LLM answerer does when it falls back.
 */
export class PacedAnswerer implements Answerer {
  readonly name: string;
  private held: Promise<void> | null = null;
  private falseStart: string | null = null;

  constructor(private readonly inner: Answerer) {
    this.name = inner.name;
  }

  /** Holds the next answer after half its words; call the returned function to let it finish. */
  holdNext(): () => void {
    let release = (): void => {};
    this.held = new Promise<void>((resolve) => (release = resolve));
    return release;
  }

  /** Streams `text` first in the next answer, then a reset, then the real answer. */
  falseStartNext(text: string): void {
    this.falseStart = text;
  }

  async answer(request: AnswerRequest): Promise<AnswerResult> {
    const words: string[] = [];
    const result = await this.inner.answer({ ...request, onDelta: (text) => words.push(text) });
    const [held, falseStart] = [this.held, this.falseStart];
    [this.held, this.falseStart] = [null, null];
    if (falseStart !== null) {
      request.onDelta?.(falseStart);
      await new Promise((resolve) => setTimeout(resolve, 400));
      request.onReset?.();
    }
    for (const [i, word] of words.entries()) {
      if (held && i === Math.floor(words.length / 2)) await held;
      if (request.signal?.aborted) break;
      request.onDelta?.(word);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return result;
  }
}

export interface TestServer {
  url: string;
  answerer: PacedAnswerer;
  close: () => Promise<void>;
}

/** `apiKey`: serve with the API key check on, as `KILDE_API_KEY` would. */
export async function startServer(options: { apiKey?: string } = {}): Promise<TestServer> {
  const runtime = await getTestRuntime();
  const answerer = new PacedAnswerer(runtime.answerer);
  const app = createApp({
    documents: runtime.documents,
    search: runtime.searcher,
    chunkCount: runtime.index.chunks.length,
    embedderName: runtime.embedder.name,
    answerer,
    helpContacts: runtime.deps.help.contacts,
    logger: silentLogger,
    webDir: WEB_DIR,
    ...(options.apiKey ? { security: { apiKey: options.apiKey, rateLimitPerMinute: 0, clientKey: () => null, corsOrigins: [] } } : {}),
  });
  let server: ServerType | undefined;
  const port = await new Promise<number>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    answerer,
    close: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium, or set KILDE_CHROMIUM to a Chromium binary`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

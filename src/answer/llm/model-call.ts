/**
 * @module Calling the chat model: streaming with an idle time limit, retries with exponential backoff
 * for failures worth retrying, and every failure as a ProviderError.
 */
import type { BaseMessage } from '@langchain/core/messages';
import type { ChatOpenAI } from '@langchain/openai';
import { ProviderError } from '../../errors.ts';

export interface ModelCallOptions {
  /** Milliseconds the model may stay silent, before its first chunk or between chunks. */
  timeoutMs: number;
  /** Further attempts after a failure worth retrying. */
  retries: number;
}

/** Backoff before retry i (0-based): 250 ms, 500 ms, 1 s … capped at 4 s. */
export function backoffMs(retry: number): number {
  return Math.min(4000, 250 * 2 ** retry);
}

function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}

/** The HTTP status the provider answered with, if it did (a ProviderError's own status is ours, not the provider's). */
export function providerStatus(error: unknown): number | undefined {
  return error instanceof ProviderError ? statusOf(error.cause) : statusOf(error);
}

/** Whether another attempt may succeed: timeouts, dropped connections, rate limits and server errors. */
export function retryable(error: unknown): boolean {
  if (error instanceof ProviderError && error.partial) return false;
  const status = providerStatus(error);
  return status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Aborts when `touch` has not been called for `ms`: an idle limit, not a total one, so a long answer
 * that keeps streaming is never cut off, while a stalled one (or one that never starts) is.
 */
class IdleTimeout {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  readonly signal = this.controller.signal;

  constructor(private readonly ms: number) {
    this.touch();
  }

  touch(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.controller.abort(new ProviderError(`nothing from the model for ${this.ms} ms`, { timeout: true })), this.ms);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

function sleep(msDelay: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(resolve, msDelay);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}

export class ModelCaller {
  constructor(
    private readonly model: ChatOpenAI,
    private readonly options: ModelCallOptions,
  ) {}

  /**
   * Streams the model's reply to `messages`, handing each text piece to `onPiece`, and returns the
   * whole text. Failures worth retrying are retried while nothing has been handed on; a failure after
   * that throws a ProviderError marked `partial`.
   */
  async stream(messages: BaseMessage[], onPiece: (piece: string) => void, outer?: AbortSignal): Promise<string> {
    let lastError: unknown;
    let handedOn = false;
    for (let attempt = 0; attempt <= this.options.retries; attempt++) {
      const idle = new IdleTimeout(this.options.timeoutMs);
      const signal = outer ? AbortSignal.any([outer, idle.signal]) : idle.signal;
      try {
        let text = '';
        const stream = await this.model.stream(messages, { signal });
        for await (const chunk of stream) {
          idle.touch();
          const piece = typeof chunk.content === 'string' ? chunk.content : chunk.content.map((p) => ('text' in p ? String(p.text) : '')).join('');
          if (!piece) continue;
          text += piece;
          handedOn = true;
          onPiece(piece);
        }
        if (!text.trim()) throw new ProviderError('the model returned an empty answer');
        return text;
      } catch (error) {
        const timedOut = idle.signal.aborted && !(error instanceof ProviderError && error.partial);
        lastError = timedOut
          ? new ProviderError(`nothing from the model for ${this.options.timeoutMs} ms`, { timeout: true, partial: handedOn, cause: error })
          : error instanceof ProviderError
            ? error
            : new ProviderError(describe(error), { cause: error, partial: handedOn });
      } finally {
        idle.stop();
      }
      if (outer?.aborted || !retryable(lastError)) break;
      if (attempt < this.options.retries) await sleep(backoffMs(attempt), outer);
    }
    throw lastError instanceof Error ? lastError : new ProviderError(String(lastError));
  }
}

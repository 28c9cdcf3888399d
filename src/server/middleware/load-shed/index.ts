/**
 * @module Bounded work: at most `maxConcurrent` questions are answered at once and `queueLimit` wait;
 * beyond that a request gets 503 with Retry-After at once, so a burst never makes the server
 * unresponsive (health and the page are not behind this gate). A queued request whose client left
 * gives up its place, and a streamed answer holds its slot until its stream ends.
 */
import type { MiddlewareHandler } from 'hono';
import { errorBody } from '../../errors.ts';

export interface LoadShedOptions {
  maxConcurrent: number;
  queueLimit: number;
  queueTimeoutMs: number;
}

export interface LoadGate {
  middleware: MiddlewareHandler;
  /** Questions being answered now, and waiting. */
  stats(): { active: number; queued: number };
}

interface Waiter {
  admit: () => void;
}

export function loadShed(options: LoadShedOptions): LoadGate {
  let active = 0;
  const queue: Waiter[] = [];

  const release = (): void => {
    const next = queue.shift();
    if (next) next.admit();
    else active--;
  };

  /** Resolves true once a slot is this request's, false when it waited too long or its client left. */
  const acquire = (signal: AbortSignal): Promise<boolean> | boolean => {
    if (active < options.maxConcurrent) {
      active++;
      return true;
    }
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', leave);
          resolve(true);
        },
      };
      const leave = (): void => {
        const at = queue.indexOf(waiter);
        if (at >= 0) queue.splice(at, 1);
        clearTimeout(timer);
        resolve(false);
      };
      const timer = setTimeout(leave, options.queueTimeoutMs);
      signal.addEventListener('abort', leave, { once: true });
      queue.push(waiter);
    });
  };

  // A rough wait: the queue ahead, a tenth of a second a question per slot, at least a second.
  const retryAfter = (): string => String(Math.max(1, Math.ceil((queue.length * 0.1) / options.maxConcurrent)));

  const middleware: MiddlewareHandler = async function shedLoad(c, next) {
    if (active >= options.maxConcurrent && queue.length >= options.queueLimit) {
      c.header('Retry-After', retryAfter());
      return c.json(errorBody('overloaded', 'the server is busy answering other questions; please try again in a moment'), 503);
    }
    if (!(await acquire(c.req.raw.signal))) {
      c.header('Retry-After', retryAfter());
      return c.json(errorBody('overloaded', 'the server was too busy to start on this question in time; please try again'), 503);
    }
    let released = false;
    const done = (): void => {
      if (!released) release();
      released = true;
    };
    try {
      await next();
    } catch (error) {
      done();
      throw error;
    }
    const body = c.res.body;
    if (!body || !(c.res.headers.get('content-type') ?? '').startsWith('text/event-stream')) return done();
    // A stream is still being written: the slot is given back when it ends or its reader leaves.
    const reader = body.getReader();
    const watched = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const part = await reader.read();
          if (part.done) {
            done();
            controller.close();
          } else controller.enqueue(part.value);
        } catch (error) {
          done();
          controller.error(error);
        }
      },
      cancel(reason) {
        done();
        return reader.cancel(reason);
      },
    });
    c.res = new Response(watched, c.res);
  };

  return { middleware, stats: () => ({ active, queued: queue.length }) };
}

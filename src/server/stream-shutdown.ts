/** @module How an open stream ends when the server shuts down: its work stops and the client is told why. */

export const SHUTTING_DOWN = { code: 'shutting_down', message: 'the server is restarting; please ask again in a moment' } as const;

/**
 * Aborts `controller` when `shutdown` fires (at once if it already has); returns whether it fired
 * and a function that stops listening, for the stream's end.
 */
export function followShutdown(shutdown: AbortSignal | undefined, controller: AbortController): { fired: () => boolean; stop: () => void } {
  let fired = false;
  const onShutdown = (): void => {
    fired = true;
    controller.abort(new Error(SHUTTING_DOWN.message));
  };
  if (shutdown?.aborted) onShutdown();
  else shutdown?.addEventListener('abort', onShutdown, { once: true });
  return { fired: () => fired, stop: () => shutdown?.removeEventListener('abort', onShutdown) };
}

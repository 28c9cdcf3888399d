/** @module The id Hono's request-id middleware gave this request, for logs. */
import type { Context } from 'hono';
import type { RequestIdVariables } from 'hono/request-id';

export function requestIdOf(c: Context): string | undefined {
  return (c as Context<{ Variables: RequestIdVariables }>).get('requestId');
}

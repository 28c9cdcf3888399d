/** @module GET /api/help: the help contacts, as exact citations, for a page that must show them at any time. */
import { type OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { Citation } from '../../answer/types.ts';
import { createRouter } from '../router.ts';
import { helpResponseSchema, methodNotAllowedError, rateLimitedError } from '../schemas.ts';

const route = createRoute({
  method: 'get',
  path: '/help',
  // Open even when the server has an API key (see middleware/api-key.ts).
  security: [],
  responses: { 200: { description: 'Who can help, from the documents', content: { 'application/json': { schema: helpResponseSchema } } }, ...rateLimitedError, ...methodNotAllowedError },
});

export function helpRoutes(contacts: ReadonlyArray<Citation>): OpenAPIHono {
  const app = createRouter();
  app.openapi(route, (c) => c.json({ help: [...contacts] }, 200));
  return app;
}

/** @module GET /api/health: liveness plus what the server runs with. */
import { type OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { createRouter } from '../router.ts';
import { healthSchema, methodNotAllowedError, rateLimitedError } from '../schemas.ts';

export interface HealthInfo {
  documents: number;
  chunks: number;
  embedder: string;
  answerer: string;
}

const route = createRoute({
  method: 'get',
  path: '/health',
  // Open even when the server has an API key (see middleware/api-key.ts).
  security: [],
  responses: { 200: { description: 'The server is up', content: { 'application/json': { schema: healthSchema } } }, ...rateLimitedError, ...methodNotAllowedError },
});

export function healthRoutes(info: HealthInfo): OpenAPIHono {
  const app = createRouter();
  app.openapi(route, (c) => c.json({ status: 'ok' as const, ...info }, 200));
  return app;
}

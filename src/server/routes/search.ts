/** @module POST /api/search: hybrid retrieval, verbatim passages with offsets. */
import { type OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { assertKnownDocIds } from '../doc-ids.ts';
import { createRouter } from '../router.ts';
import type { Hit } from '../../types.ts';
import { guardedRouteErrors, methodNotAllowedError, overloadedError, jsonBodyErrors, searchRequestSchema, searchResponseSchema } from '../schemas.ts';

export interface SearchService {
  search(request: { query: string; k: number; docIds?: ReadonlyArray<string> }): Promise<Hit[]>;
}

const route = createRoute({
  method: 'post',
  path: '/search',
  request: { body: { required: true, content: { 'application/json': { schema: searchRequestSchema } } } },
  responses: {
    200: { description: 'The best passages, best first', content: { 'application/json': { schema: searchResponseSchema } } },
    ...jsonBodyErrors,
    ...methodNotAllowedError,
    ...guardedRouteErrors,
    ...overloadedError,
  },
});

export function searchRoutes(service: SearchService, knownDocIds: ReadonlySet<string>): OpenAPIHono {
  const app = createRouter();
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    assertKnownDocIds(body.docIds, knownDocIds);
    const results = await service.search({ query: body.query.trim(), k: body.k, ...(body.docIds ? { docIds: body.docIds } : {}) });
    return c.json({ results }, 200);
  });
  return app;
}

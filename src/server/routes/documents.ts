/** @module GET /api/documents and GET /api/documents/:id: the corpus with its section outlines. */
import { type OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.ts';
import { NotFoundError } from '../../errors.ts';
import type { ParsedDocument, Section } from '../../types.ts';
import { documentSchema, documentSummarySchema, guardedRouteErrors, methodNotAllowedError, notFoundError } from '../schemas.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/documents',
  responses: {
    200: { description: 'Every document with its section outline', content: { 'application/json': { schema: z.object({ documents: z.array(documentSummarySchema) }) } } },
    ...methodNotAllowedError,
    ...guardedRouteErrors,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/documents/{id}',
  request: { params: z.object({ id: z.string().min(1).max(200) }) },
  responses: {
    200: { description: 'One document with its verbatim text', content: { 'application/json': { schema: documentSchema } } },
    ...notFoundError('No such document'),
    ...methodNotAllowedError,
    ...guardedRouteErrors,
  },
});

function publicSection(s: Section) {
  return { id: s.id, title: s.title, path: s.path, level: s.level, start: s.start, end: s.end, kind: s.kind };
}

function summary(d: ParsedDocument) {
  return { id: d.id, title: d.title, shortTitle: d.shortTitle, publisher: d.publisher, date: d.date, source: d.source, licence: d.licence ?? null, sections: d.sections.map(publicSection) };
}

export function documentsRoutes(documents: ReadonlyArray<ParsedDocument>): OpenAPIHono {
  // The corpus never changes while the server runs: each body is built once.
  const summaries = documents.map(summary);
  const full = new Map(documents.map((d) => [d.id, { ...summary(d), text: d.text }]));
  const app = createRouter();
  app.openapi(listRoute, (c) => c.json({ documents: summaries }, 200));
  app.openapi(getRoute, (c) => {
    const { id } = c.req.valid('param');
    const doc = full.get(id);
    if (!doc) throw new NotFoundError(`no document with id "${id.slice(0, 100)}"; see GET /api/documents`);
    return c.json(doc, 200);
  });
  return app;
}

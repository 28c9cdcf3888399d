/** @module Request and response schemas of the HTTP API (zod, also the OpenAPI description). */
import { z } from '@hono/zod-openapi';

export const MAX_QUESTION_CHARS = 2000;
export const MAX_MESSAGES = 40;

export const errorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .openapi('Error');

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: errorSchema } } });

/** What the rate limit in front of every API route may answer instead of it. */
export const rateLimitedError = { 429: errorResponse('Too many requests from this client (with Retry-After)') };

/** What the middleware in front of every API route but the health check may answer instead of it. */
export const guardedRouteErrors = {
  401: errorResponse('Missing or wrong API key, when the server has one (with WWW-Authenticate)'),
  ...rateLimitedError,
};

/** Every route answers 405 (with Allow) to a method it does not serve. */
export const methodNotAllowedError = { 405: errorResponse('The path exists but not for this method; the Allow header lists those it takes') };

/** What a route that answers a question may answer when the server is busy (see middleware/load-shed). */
export const overloadedError = { 503: errorResponse('The server is busy answering other questions; try again after Retry-After seconds') };

/** What a route that reads a JSON body may answer besides. */
export const jsonBodyErrors = {
  400: errorResponse('Invalid input; the message names the field'),
  413: errorResponse('The body is over 64 KB'),
  415: errorResponse('The body is not JSON'),
};

/** A route's own "not found". */
export const notFoundError = (description: string) => ({ 404: errorResponse(description) });

export const sectionSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    path: z.array(z.string()),
    level: z.number().int(),
    start: z.number().int(),
    end: z.number().int(),
    kind: z.string(),
  })
  .openapi('Section');

export const documentSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    shortTitle: z.string(),
    publisher: z.string().nullable(),
    date: z.string().nullable(),
    source: z.string().nullable(),
    licence: z.string().nullable().openapi({ description: 'The terms under which the document may be reused, as far as they are known.' }),
    sections: z.array(sectionSchema),
  })
  .openapi('DocumentSummary');

export const documentSchema = documentSummarySchema.extend({ text: z.string() }).openapi('Document');

const docIdsSchema = z
  .array(z.string().min(1).max(100))
  .min(1, 'docIds, when given, must name at least one document')
  .max(20)
  .optional()
  .openapi({ description: 'Only search these documents (ids from GET /api/documents).' });

/** Non-empty after trimming and at most MAX_QUESTION_CHARS; any other character (emoji, RTL, controls) is accepted and searched as text. */
export const questionText = z
  .string()
  .max(MAX_QUESTION_CHARS, `must be at most ${MAX_QUESTION_CHARS} characters`)
  .refine((s) => s.trim().length > 0, 'must not be empty or only white space');

export const searchRequestSchema = z
  .object({
    query: questionText.openapi({ example: 'How long is the reflection period?' }),
    k: z.number().int().min(1).max(50).default(8),
    docIds: docIdsSchema,
  })
  .strict()
  .openapi('SearchRequest');

export const hitSchema = z
  .object({
    id: z.string(),
    docId: z.string(),
    docTitle: z.string(),
    sectionPath: z.array(z.string()),
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    score: z.number(),
    passage: z
      .object({ start: z.number().int(), end: z.number().int(), text: z.string() })
      .openapi({ description: 'The passage inside the chunk that earned it its place (an exact slice, for highlighting).' }),
  })
  .openapi('SearchResult');

export const searchResponseSchema = z.object({ results: z.array(hitSchema) }).openapi('SearchResponse');

export const citationSchema = z
  .object({
    n: z.number().int(),
    docId: z.string(),
    docTitle: z.string(),
    docDate: z.string().nullable().openapi({ description: 'The document\u2019s date as its manifest gives it ("2006-06-05", "2010-03", "2025"), or null.' }),
    sectionPath: z.array(z.string()),
    start: z.number().int(),
    end: z.number().int(),
    text: z.string().openapi({ description: 'Exactly `document.text.slice(start, end)`.' }),
  })
  .openapi('Citation');

export const chatResponseSchema = z
  .object({
    answer: z.string().openapi({ description: 'Prose with citation markers `[1]`, `[2]` … that index `citations`.' }),
    citations: z.array(citationSchema),
    grounded: z.boolean().openapi({ description: 'False when the documents do not answer the question; the answer then says so.' }),
    answerer: z.string().openapi({ description: '`extractive` (offline) or `openai:<model>`.' }),
    related: z.array(citationSchema).openapi({ description: 'For ungrounded answers: the nearest passages, as reading, not as claims.' }),
    searchedFor: z.string().openapi({ description: 'The question as searched, after resolving a follow-up (and translating a Norwegian question).' }),
    notice: z.string().optional().openapi({ description: 'Something the reader should know, e.g. that the model failed and the offline answerer stood in.' }),
    help: z.array(citationSchema).optional().openapi({ description: 'For a person asking for help now: the help contacts, also the first citations.' }),
    timings: z.object({ rewrite: z.number(), retrieve: z.number(), answer: z.number(), total: z.number() }).openapi({ description: 'Milliseconds per step.' }),
  })
  .openapi('ChatResponse');

export const helpResponseSchema = z
  .object({ help: z.array(citationSchema).openapi({ description: 'Who can help a person in need, as the documents list them (police and the emergency number first), as exact slices.' }) })
  .openapi('HelpContacts');

export const healthSchema = z
  .object({
    status: z.literal('ok'),
    documents: z.number().int(),
    chunks: z.number().int(),
    embedder: z.string(),
    answerer: z.string(),
  })
  .openapi('Health');

export const chatMessageSchema = z
  .object({ role: z.enum(['user', 'assistant']), content: z.string().max(20_000) })
  .strict();

export const chatRequestSchema = z
  .object({
    messages: z
      .array(chatMessageSchema)
      .min(1, 'must hold at least one message')
      .max(MAX_MESSAGES, `must hold at most ${MAX_MESSAGES} messages`)
      .refine((m) => m[m.length - 1]?.role === 'user', 'the last message must be the user\u2019s question')
      .refine((m) => questionText.safeParse(m[m.length - 1]?.content ?? '').success, `the question must be 1 to ${MAX_QUESTION_CHARS} characters, not only white space`),
    stream: z.boolean().default(false),
    docIds: docIdsSchema,
  })
  .strict()
  .openapi('ChatRequest');

export type SearchRequestBody = z.infer<typeof searchRequestSchema>;
export type ChatRequestBody = z.infer<typeof chatRequestSchema>;

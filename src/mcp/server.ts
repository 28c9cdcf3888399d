/**
 * @module Kilde as an MCP server: tools to search, ask and read a passage, and the documents as
 * resources. Each tool returns the same objects as the HTTP API (as structured content) and a plain
 * text rendering for hosts that show only text. Transports are the caller's: Streamable HTTP in
 * app.ts, stdio in the CLI.
 */
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { Answerer } from '../answer/answerer.ts';
import { corpusView } from '../answer/citations.ts';
import { answerAsText } from '../answer/references.ts';
import { unknownDocIds } from '../corpus/doc-ids.ts';
import type { Hit, ParsedDocument } from '../types.ts';

export interface McpDeps {
  documents: ReadonlyArray<ParsedDocument>;
  search: { search(request: { query: string; k: number; docIds?: ReadonlyArray<string> }): Promise<Hit[]> };
  answerer: Answerer;
  version: string;
}

/** The same bounds as the HTTP API's schemas (src/server/schemas.ts). */
const MAX_QUESTION_CHARS = 2000;
const MAX_HISTORY = 39;

const question = z.string().min(1).max(MAX_QUESTION_CHARS).refine((s) => s.trim().length > 0, 'must not be only white space');
const docIds = z.array(z.string().min(1).max(100)).min(1).max(20).optional().describe('Only these documents (ids from the kilde://documents resources).');

const citation = z.object({
  n: z.number().int(),
  docId: z.string(),
  docTitle: z.string(),
  docDate: z.string().nullable(),
  sectionPath: z.array(z.string()),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
});

function documentUri(id: string): string {
  return `kilde://documents/${id}`;
}

export function createMcpServer(deps: McpDeps): McpServer {
  const byId = new Map(deps.documents.map((d) => [d.id, d]));
  // Section paths found as citations find them, so a passage's breadcrumb matches theirs.
  const view = corpusView(deps.documents, Object.fromEntries(deps.documents.map((d) => [d.id, d.sections])));
  const knownIds = (ids: ReadonlyArray<string> | undefined): void => {
    const problem = unknownDocIds(ids, byId.keys());
    if (problem) throw new Error(problem);
  };
  const server = new McpServer(
    { name: 'kilde', version: deps.version },
    { instructions: 'Answers about human trafficking in Norway from five public documents only, each claim with a citation that is an exact slice of its document.' },
  );

  server.registerTool(
    'search_documents',
    {
      title: 'Search the documents',
      description: 'The passages that best match a query, best first, each an exact slice of its document with its section path and offsets.',
      inputSchema: { query: question.describe('What to look for, in plain words (English or Norwegian).'), k: z.number().int().min(1).max(50).default(8).describe('How many results.'), docIds },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ query, k, docIds: ids }) => {
      knownIds(ids);
      const results = await deps.search.search({ query: query.trim(), k, ...(ids ? { docIds: ids } : {}) });
      const text = results.length
        ? results.map((r, i) => `${i + 1}. ${[r.docTitle, ...r.sectionPath].join(' › ')} [${r.docId} ${r.start}-${r.end}]\n${r.passage.text}`).join('\n\n')
        : 'No passage matches.';
      return { content: [{ type: 'text', text }], structuredContent: { results } };
    },
  );

  server.registerTool(
    'ask',
    {
      title: 'Ask the documents',
      description:
        'A grounded answer with numbered citations (exact passages). When the documents do not answer, `grounded` is false and the answer says so. Pass earlier turns as `history` for follow-up questions.',
      inputSchema: {
        question: question.describe('The question, in plain words (English or Norwegian).'),
        history: z
          .array(z.object({ role: z.enum(['user', 'assistant']), content: z.string().max(20_000) }))
          .max(MAX_HISTORY)
          .optional()
          .describe('Earlier turns of the conversation, oldest first.'),
        docIds,
      },
      outputSchema: { answer: z.string(), citations: z.array(citation), grounded: z.boolean(), related: z.array(citation), searchedFor: z.string(), answerer: z.string(), help: z.array(citation).optional() },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ question: q, history, docIds: ids }, extra) => {
      knownIds(ids);
      const result = await deps.answerer.answer({ messages: [...(history ?? []), { role: 'user', content: q }], signal: extra.signal, ...(ids ? { docIds: ids } : {}) });
      const structured = {
        answer: result.answer,
        citations: result.citations,
        grounded: result.grounded,
        related: result.related,
        searchedFor: result.searchedFor,
        answerer: result.answerer,
        ...(result.help ? { help: result.help } : {}),
      };
      return { content: [{ type: 'text', text: answerAsText(result) }], structuredContent: structured };
    },
  );

  server.registerTool(
    'get_passage',
    {
      title: 'Read a passage',
      description: 'The exact text of a document between two character offsets (as citations give them), with the section it lies in.',
      inputSchema: { docId: z.string().min(1).max(100), start: z.number().int().min(0), end: z.number().int().min(1) },
      outputSchema: { docId: z.string(), docTitle: z.string(), sectionPath: z.array(z.string()), start: z.number().int(), end: z.number().int(), text: z.string() },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ docId, start, end }) => {
      const doc = byId.get(docId);
      if (!doc) throw new Error(`no document "${docId}"; known: ${[...byId.keys()].join(', ')}`);
      if (start >= end || end > doc.text.length) throw new Error(`start must be below end, and end at most ${doc.text.length} (the length of ${docId})`);
      const sectionPath = view.sectionAt(docId, start, end)?.path ?? [];
      const text = doc.text.slice(start, end);
      return {
        content: [{ type: 'text', text: `${[doc.shortTitle, ...sectionPath].join(' › ')}\n${text}` }],
        structuredContent: { docId, docTitle: doc.shortTitle, sectionPath, start, end, text },
      };
    },
  );

  server.registerResource(
    'document',
    new ResourceTemplate(documentUri('{id}'), {
      list: () => ({ resources: deps.documents.map((d) => ({ uri: documentUri(d.id), name: d.id, title: d.title, description: [d.publisher, d.date].filter(Boolean).join(', '), mimeType: 'text/plain' })) }),
    }),
    { title: 'A source document, verbatim', description: 'The exact text all offsets refer to.', mimeType: 'text/plain' },
    (uri, variables) => {
      const id = String(variables['id']);
      const doc = byId.get(id);
      if (!doc) throw new Error(`no document "${id}"`);
      return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: doc.text }] };
    },
  );
  return server;
}

import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineEnv } from '../support/offline-env.ts';
import type { AnswerResult, Citation } from '../../src/answer/types.ts';
import type { Hit } from '../../src/types.ts';
import { TEST_INDEX_DIR } from '../support/runtime.ts';
import { startServer, type TestServer } from './harness.ts';

/** The MCP SDK's own client, over Streamable HTTP against the real server and over stdio against `kilde mcp`. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const QUESTION = 'Who can a victim of trafficking call for help?';
let server: TestServer;

async function apiChat(content: string): Promise<AnswerResult> {
  const res = await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content }] }) });
  return (await res.json()) as AnswerResult;
}

async function apiSearch(query: string, k: number): Promise<Hit[]> {
  const res = await fetch(`${server.url}/api/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, k }) });
  return ((await res.json()) as { results: Hit[] }).results;
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.close();
});

/** What both transports must do the same way. */
function describeSurface(name: string, connect: () => Promise<Client>) {
  describe(`MCP over ${name}`, () => {
    let client: Client;
    beforeAll(async () => {
      client = await connect();
    }, 120_000);
    afterAll(async () => {
      await client?.close();
    });

    it('lists the three tools', async () => {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(['ask', 'get_passage', 'search_documents']);
    });

    it('ask returns the same answer and citations as /api/chat', async () => {
      const result = await client.callTool({ name: 'ask', arguments: { question: QUESTION } });
      const expected = await apiChat(QUESTION);
      const structured = result.structuredContent as { answer: string; citations: Citation[]; grounded: boolean };
      expect(structured.citations).toEqual(expected.citations);
      expect(structured.answer).toBe(expected.answer);
      const [first] = result.content as Array<{ type: string; text: string }>;
      expect(first?.text).toContain('References:');
    });

    it('ask takes the earlier turns as history for a follow-up', async () => {
      const first = await apiChat('How long is the reflection period?');
      const result = await client.callTool({ name: 'ask', arguments: { question: 'Can it be renewed?', history: [{ role: 'user', content: 'How long is the reflection period?' }, { role: 'assistant', content: first.answer }] } });
      expect((result.structuredContent as { searchedFor: string }).searchedFor).not.toBe('Can it be renewed?');
    });

    it('search_documents returns the hits /api/search returns', async () => {
      const result = await client.callTool({ name: 'search_documents', arguments: { query: 'reflection period', k: 3 } });
      expect((result.structuredContent as { results: Hit[] }).results).toEqual(await apiSearch('reflection period', 3));
    });

    it('get_passage returns the exact slice with its section path', async () => {
      const [citation] = (await apiChat('How long is the reflection period?')).citations;
      expect(citation).toBeDefined();
      if (!citation) return;
      const result = await client.callTool({ name: 'get_passage', arguments: { docId: citation.docId, start: citation.start, end: citation.end } });
      expect(result.structuredContent).toMatchObject({ docId: citation.docId, text: citation.text, sectionPath: citation.sectionPath });
    });

    it('reports a bad call as a tool error, not a crash', async () => {
      const result = await client.callTool({ name: 'get_passage', arguments: { docId: 'no-such-doc', start: 0, end: 10 } });
      expect(result.isError).toBe(true);
      const unknownDoc = await client.callTool({ name: 'ask', arguments: { question: QUESTION, docIds: ['nope'] } });
      expect(unknownDoc.isError).toBe(true);
      expect(JSON.stringify(unknownDoc.content)).toContain('unknown document');
    });

    it('offers the documents as resources, verbatim', async () => {
      const { resources } = await client.listResources();
      expect(resources.map((r) => r.uri)).toContain('kilde://documents/udi-victims');
      const read = await client.readResource({ uri: 'kilde://documents/udi-victims' });
      const doc = (await (await fetch(`${server.url}/api/documents/udi-victims`)).json()) as { text: string };
      expect((read.contents[0] as { text: string }).text).toBe(doc.text);
    });
  });
}

describeSurface('Streamable HTTP', async () => {
  const client = new Client({ name: 'kilde-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
  return client;
});

describeSurface('stdio (kilde mcp)', async () => {
  const client = new Client({ name: 'kilde-test', version: '1.0.0' });
  const env = offlineEnv();
  await client.connect(new StdioClientTransport({ command: process.execPath, args: ['bin/kilde.mjs', 'mcp'], cwd: ROOT, env: { ...env, KILDE_INDEX_DIR: TEST_INDEX_DIR }, stderr: 'ignore' }));
  return client;
});

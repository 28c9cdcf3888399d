/**
 * @module POST /mcp: the MCP server over Streamable HTTP, stateless: each request gets its own server
 * and transport, so nothing is held between calls and any instance can answer any request.
 */
import { Hono } from 'hono';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { createMcpServer, type McpDeps } from '../../mcp/server.ts';

export function mcpRoutes(deps: McpDeps): Hono {
  const app = new Hono();
  app.post('/mcp', async (c) => {
    const server = createMcpServer(deps);
    // JSON responses: every tool answers in one piece, and a client needs no SSE parsing.
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(c.req.raw);
    } finally {
      await server.close();
    }
  });
  return app;
}

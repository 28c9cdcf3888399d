/** @module `npm start`: load config, build or load the index, serve the API on Node. */
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { loadConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { createLogger } from '../log.ts';
import { createRuntime } from '../runtime.ts';
import { createApp } from './app.ts';
import { clientKeyFrom } from './middleware/client-key.ts';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel === 'silent' ? 'silent' : config.logLevel);
  const runtime = await createRuntime(config, logger);
  const app = createApp({
    documents: runtime.documents,
    search: runtime.searcher,
    chunkCount: runtime.index.chunks.length,
    embedderName: runtime.embedder.name,
    answerer: runtime.answerer,
    helpContacts: runtime.deps.help.contacts,
    logger,
    // Beside the code, so the CLI can serve from any folder.
    webDir: fileURLToPath(new URL('../../web', import.meta.url)),
    security: {
      ...(config.security.apiKey ? { apiKey: config.security.apiKey } : {}),
      rateLimitPerMinute: config.security.rateLimitPerMinute,
      clientKey: clientKeyFrom({ trustProxy: config.security.trustProxy, limitLoopback: config.security.rateLimitLoopback }),
      corsOrigins: config.security.corsOrigins,
    },
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info('server: listening', { url: `http://${config.host}:${info.port}`, startupMs: runtime.startupMs, rebuiltIndex: runtime.rebuilt });
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    const hint = error.code === 'EADDRINUSE' ? `port ${config.port} is in use; set PORT to another one` : error.message;
    logger.error('server: cannot listen', { reason: hint });
    process.exit(1);
  });
  // Stop accepting, let in-flight requests finish, then exit; idle keep-alive sockets would hold close() open.
  const shutdown = (signal: string): void => {
    logger.info('server: shutting down', { signal });
    server.close(() => {
      logger.info('server: stopped');
      process.exit(0);
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const message = error instanceof AppError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`kilde: could not start: ${message}\n`);
  process.exit(1);
});

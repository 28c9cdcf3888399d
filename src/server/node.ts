/** @module `npm start`: load config, build or load the index, serve the API on Node. */
import { setMaxListeners } from 'node:events';
import { Server } from 'node:http';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { loadConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { createLogger } from '../log.ts';
import { createRuntime } from '../runtime.ts';
import { projectRoot } from '../project-root.ts';
import { createApp } from './app.ts';
import { clientKeyFrom } from './middleware/client-key.ts';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel === 'silent' ? 'silent' : config.logLevel);
  // Every embedding worker loads its model while the index loads, before the port opens: otherwise
  // the first questions of a fresh server wait a second or two for it.
  const runtime = await createRuntime(config, logger, undefined, { warm: true });
  const shuttingDown = new AbortController();
  // Every open stream listens to this one signal; dozens at once are normal, not a leak.
  setMaxListeners(0, shuttingDown.signal);
  const app = createApp({
    documents: runtime.documents,
    search: runtime.searcher,
    chunkCount: runtime.index.chunks.length,
    embedderName: runtime.embedder.name,
    answerer: runtime.answerer,
    helpContacts: runtime.deps.help.contacts,
    logger,
    // Beside the code, so the CLI can serve from any folder.
    webDir: join(projectRoot(import.meta.url), 'web'),
    security: {
      ...(config.security.apiKey ? { apiKey: config.security.apiKey } : {}),
      rateLimitPerMinute: config.security.rateLimitPerMinute,
      clientKey: clientKeyFrom({ trustProxy: config.security.trustProxy, limitLoopback: config.security.rateLimitLoopback }),
      corsOrigins: config.security.corsOrigins,
    },
    load: config.load,
    shutdown: shuttingDown.signal,
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    logger.info('server: listening', { url: `http://${config.host}:${info.port}`, startupMs: runtime.startupMs, rebuiltIndex: runtime.rebuilt, compiled: import.meta.url.endsWith('.js') });
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    const hint = error.code === 'EADDRINUSE' ? `port ${config.port} is in use; set PORT to another one` : error.message;
    logger.error('server: cannot listen', { reason: hint });
    process.exit(1);
  });
  if (server instanceof Server) limitConnections(server);
  // Stop accepting and let answers in flight finish; when the grace period ends, open streams are
  // told `shutting_down` and the process exits. Idle keep-alive sockets would hold close() open.
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info('server: shutting down', { signal, graceMs: config.shutdownGraceMs });
    server.close(() => {
      logger.info('server: stopped');
      process.exit(0);
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => {
      shuttingDown.abort();
      // The error events are written on the next turns of the loop; then the sockets close.
      setTimeout(() => {
        logger.info('server: stopped', { afterGrace: true });
        process.exit(0);
      }, 250).unref();
    }, config.shutdownGraceMs).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/**
 * Deliberate limits, so a slow or idle client cannot hold the server: 10 s to send the headers,
 * 30 s for the whole request (bodies are at most 64 KB), 5 s for an idle keep-alive connection
 * (above common proxies' reuse delays), and at most 1,000 open connections (well above the load gate's queue).
 */
function limitConnections(server: Server): void {
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  server.maxConnections = 1_000;
}

main().catch((error: unknown) => {
  const message = error instanceof AppError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`kilde: could not start: ${message}\n`);
  process.exit(1);
});

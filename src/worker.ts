/**
 * @module The Cloudflare Worker: the same Hono app as the Node server (createApp), with providers
 * that run in workerd. The index comes prebuilt from the static assets (`npm run build:worker`),
 * vectors in the exact pure-TypeScript store; hnswlib-node and the 28 MB embedding model cannot
 * load here, so questions are not embedded (see embed/none.ts). Answers come from the model through
 * @langchain/openai when OPENAI_API_KEY or OPENAI_BASE_URL is set as a secret, else offline.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createAnswerer } from './answer/index.ts';
import { answeringDeps, corpusContext } from './compose.ts';
import { loadConfig } from './config.ts';
import { NoQueryEmbeddings } from './embed/none.ts';
import { indexFromContents } from './index/built-index.ts';
import { FlatVectorStore } from './index/flat.ts';
import { createLogger } from './log.ts';
import { shippedModels } from './rank/shipped-models.ts';
import { Searcher } from './retrieve/searcher.ts';
import { createApp } from './server/app.ts';
import { BUNDLE_PATHS, type WorkerBundle } from './worker-bundle.ts';

interface Env {
  ASSETS: { fetch(request: Request): Promise<Response> };
  [setting: string]: unknown;
}

/** The settings among the bindings: secrets and vars are strings. */
function settingsOf(env: Env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

async function build(env: Env, origin: string): Promise<OpenAPIHono> {
  const asset = async (path: string): Promise<Response> => {
    const res = await env.ASSETS.fetch(new Request(new URL(path, origin)));
    if (!res.ok) throw new Error(`${path} is missing from the assets (${res.status}); run npm run build:worker`);
    return res;
  };
  const [bundle, sentenceVectors, questionVectors] = await Promise.all([
    asset(BUNDLE_PATHS.data).then((r) => r.json() as Promise<WorkerBundle>),
    asset(BUNDLE_PATHS.sentenceVectors).then(async (r) => new Float32Array(await r.arrayBuffer())),
    asset(BUNDLE_PATHS.questionVectors).then(async (r) => new Float32Array(await r.arrayBuffer())),
  ]);
  const dims = bundle.manifest.embedder.dims;
  const store = new FlatVectorStore(dims);
  store.add(Array.from({ length: sentenceVectors.length / dims }, (_, i) => sentenceVectors.subarray(i * dims, (i + 1) * dims)));
  const index = indexFromContents({ manifest: bundle.manifest, corpus: bundle.corpus, passageSearch: bundle.passageSearch, lexicon: bundle.lexicon, sentenceVectors, questionVectors }, store);
  const config = loadConfig({ LOG_LEVEL: 'warn', ...settingsOf(env) });
  const logger = createLogger(config.logLevel === 'silent' ? 'silent' : config.logLevel, (line) => console.log(line));
  const models = shippedModels();
  const context = corpusContext(index, bundle.docs);
  const deps = answeringDeps(index, bundle.docs, new NoQueryEmbeddings(dims), models, context);
  const answerer = await createAnswerer(config, deps, logger, { promptPassages: models.promptPassages });
  return createApp({
    documents: context.documents,
    search: new Searcher(deps.ranker, context.reader, index, bundle.docs, context.translator),
    chunkCount: index.chunks.length,
    embedderName: 'none (keyword ranking; the embedding model does not run in a Worker)',
    answerer,
    helpContacts: deps.help.contacts,
    logger,
    // Cloudflare's own rate limiting stands in front of a Worker; the key check is ours.
    security: { ...(config.security.apiKey ? { apiKey: config.security.apiKey } : {}), rateLimitPerMinute: 0, clientKey: () => null, corsOrigins: config.security.corsOrigins },
    load: config.load,
  });
}

let app: Promise<OpenAPIHono> | undefined;

export default {
  async fetch(request: Request, env: Env, ctx: Parameters<OpenAPIHono['fetch']>[2]): Promise<Response> {
    // Built once per isolate, at its first request; a failed build is retried by the next one.
    app ??= build(env, new URL(request.url).origin).catch((error: unknown) => {
      app = undefined;
      throw error;
    });
    const url = new URL(request.url);
    if (url.pathname === '/api/docs') return env.ASSETS.fetch(new Request(new URL('/api-docs.html', url.origin)));
    return (await app).fetch(request, env, ctx);
  },
};

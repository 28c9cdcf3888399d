/** @module The one place that reads the environment: a zod schema with documented defaults. */
import { z } from 'zod';
import { ConfigError } from './errors.ts';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const envSchema = z
  .object({
    /** TCP port of the HTTP server (1..65535). */
    PORT: z.coerce.number().int().min(1).max(65535).default(8787),
    /** Interface to listen on; 127.0.0.1 keeps the server private to this machine. */
    HOST: z.string().min(1).default('127.0.0.1'),
    /** Folder with manifest.json and the verbatim documents. */
    KILDE_CORPUS_DIR: z.string().min(1).default('corpus'),
    /** Folder for the built index (build output, git-ignored). */
    KILDE_INDEX_DIR: z.string().min(1).default('index'),
    /** `local` (Universal Sentence Encoder lite, offline) or `openai` (needs OPENAI_API_KEY or OPENAI_BASE_URL). */
    KILDE_EMBEDDINGS: z.enum(['local', 'openai']).default('local'),
    /** Embedding model for `KILDE_EMBEDDINGS=openai`. */
    KILDE_EMBEDDINGS_MODEL: z.string().min(1).default('text-embedding-3-small'),
    /** `auto`: the LLM when OPENAI_API_KEY or OPENAI_BASE_URL is set, else extractive. */
    KILDE_ANSWERER: z.enum(['auto', 'extractive', 'openai']).default('auto'),
    /** Chat model for the LLM answerer. */
    KILDE_CHAT_MODEL: z.string().min(1).default('gpt-4o-mini'),
    /** Milliseconds the model may stay silent (before its first token or between tokens) before the attempt is abandoned. */
    KILDE_LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
    /** Retries after a failed model call, with exponential backoff. */
    KILDE_LLM_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalString,
    /** hnswlib search breadth; recall against exact search is checked in tests (10..1000). */
    // As defaultHnswOptions.ef in index/hnsw.ts (not imported: it would load the native addon here).
    KILDE_HNSW_EF: z.coerce.number().int().min(10).max(4000).default(512),
    /** When set, `/api/*` (except /api/health and /api/openapi.json) requires `Authorization: Bearer <key>`. */
    KILDE_API_KEY: optionalString.refine((k) => k === undefined || /^[A-Za-z0-9._~+/-]{12,}=*$/.test(k), {
      message: 'must be at least 12 characters of letters, digits and . _ ~ + / - (it travels in an Authorization: Bearer header)',
    }),
    /** Requests per minute per client on /api/*; 0 turns limiting off. Generous: a person chatting never meets it. */
    KILDE_RATE_LIMIT: z.coerce.number().int().min(0).max(1_000_000).default(600),
    /** Also rate-limit clients on this machine (loopback); off so local tools and benchmarks are not throttled. */
    KILDE_RATE_LIMIT_LOOPBACK: z.enum(['0', '1', 'true', 'false']).default('false'),
    /** Take the client address from X-Forwarded-For: only behind a trusted reverse proxy. */
    KILDE_TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('false'),
    /** Comma-separated origins allowed to call the API from browsers; empty = CORS off. */
    KILDE_CORS_ORIGINS: optionalString,
    /** Worker threads for the offline embedding model, off the event loop; 0 runs it inline. 2: 42.7 chats/s against 34.5 with one (16 clients, 2 cores). */
    KILDE_EMBED_WORKERS: z.coerce.number().int().min(0).max(16).default(2),
    /**
     * Questions answered at once (search, chat, /v1, /mcp); more wait in a queue. Chosen by loopback
     * load runs of 16 clients on this 2-core machine: 4 → 37.7, 8 → 40.6, 16 → 42.7 chats/s.
     */
    KILDE_MAX_CONCURRENT: z.coerce.number().int().min(1).max(1000).default(16),
    /** Questions that may wait for a slot; beyond them a request gets 503 with Retry-After at once. */
    KILDE_QUEUE_LIMIT: z.coerce.number().int().min(0).max(10_000).default(64),
    /** The longest a question waits in the queue before it gets 503 (ms). */
    KILDE_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    /** After SIGTERM, how long answers in flight may finish before open streams get `shutting_down` and the server exits (ms). */
    KILDE_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    /** `debug`, `info`, `warn`, `error` or `silent`. */
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .refine((env) => env.KILDE_EMBEDDINGS !== 'openai' || env.OPENAI_API_KEY || env.OPENAI_BASE_URL, {
    message: 'KILDE_EMBEDDINGS=openai needs OPENAI_API_KEY or OPENAI_BASE_URL',
  })
  .refine((env) => env.KILDE_ANSWERER !== 'openai' || env.OPENAI_API_KEY || env.OPENAI_BASE_URL, {
    message: 'KILDE_ANSWERER=openai needs OPENAI_API_KEY or OPENAI_BASE_URL',
  });

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  corpusDir: string;
  indexDir: string;
  embeddings: { provider: 'local'; workers: number } | { provider: 'openai'; model: string; apiKey?: string; baseURL?: string };
  answerer:
    | { provider: 'extractive' }
    | { provider: 'openai'; model: string; apiKey?: string; baseURL?: string; timeoutMs: number; retries: number };
  hnswEf: number;
  logLevel: Env['LOG_LEVEL'];
  security: {
    apiKey?: string;
    rateLimitPerMinute: number;
    rateLimitLoopback: boolean;
    trustProxy: boolean;
    corsOrigins: string[];
  };
  load: { maxConcurrent: number; queueLimit: number; queueTimeoutMs: number };
  shutdownGraceMs: number;
}

function flag(value: '0' | '1' | 'true' | 'false'): boolean {
  return value === '1' || value === 'true';
}

/** Parses the environment into a frozen Config, or throws a ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const llmConfigured = Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL);
  const endpoint = { ...(e.OPENAI_API_KEY ? { apiKey: e.OPENAI_API_KEY } : {}), ...(e.OPENAI_BASE_URL ? { baseURL: e.OPENAI_BASE_URL } : {}) };
  const useLlm = e.KILDE_ANSWERER === 'openai' || (e.KILDE_ANSWERER === 'auto' && llmConfigured);
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    corpusDir: e.KILDE_CORPUS_DIR,
    indexDir: e.KILDE_INDEX_DIR,
    embeddings: e.KILDE_EMBEDDINGS === 'openai' ? { provider: 'openai', model: e.KILDE_EMBEDDINGS_MODEL, ...endpoint } : { provider: 'local', workers: e.KILDE_EMBED_WORKERS },
    answerer: useLlm
      ? { provider: 'openai', model: e.KILDE_CHAT_MODEL, timeoutMs: e.KILDE_LLM_TIMEOUT_MS, retries: e.KILDE_LLM_RETRIES, ...endpoint }
      : { provider: 'extractive' },
    hnswEf: e.KILDE_HNSW_EF,
    logLevel: e.LOG_LEVEL,
    security: {
      ...(e.KILDE_API_KEY ? { apiKey: e.KILDE_API_KEY } : {}),
      rateLimitPerMinute: e.KILDE_RATE_LIMIT,
      rateLimitLoopback: flag(e.KILDE_RATE_LIMIT_LOOPBACK),
      trustProxy: flag(e.KILDE_TRUST_PROXY),
      corsOrigins: (e.KILDE_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    },
    load: { maxConcurrent: e.KILDE_MAX_CONCURRENT, queueLimit: e.KILDE_QUEUE_LIMIT, queueTimeoutMs: e.KILDE_QUEUE_TIMEOUT_MS },
    shutdownGraceMs: e.KILDE_SHUTDOWN_GRACE_MS,
  };
  return Object.freeze(config);
}

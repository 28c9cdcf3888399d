/** @module Serves the textbook pipeline (or with PIPELINE=bm25 the BM25-only one) on PORT, for the throughput benchmark. Not part of the product. */
import { serve } from '@hono/node-server';
import { bm25Pipeline, textbookApp, textbookPipeline } from './textbook.ts';

const port = Number(process.env['PORT'] ?? 8795);
const app = textbookApp(process.env['PIPELINE'] === 'bm25' ? await bm25Pipeline() : await textbookPipeline());
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => process.stderr.write(`textbook pipeline listening on ${port}\n`));

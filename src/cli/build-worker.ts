/**
 * @module `npm run build:worker`: the Worker's static assets in `dist/worker-assets/`: the chat page
 * (web/) and the index bundle (the documents, the built index's files, its vectors), so a Worker
 * never ingests. The index is opened, or built when missing, exactly as the Node server does.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { openCorpus } from '../runtime.ts';
import { shippedModels } from '../rank/shipped-models.ts';
import { BUNDLE_PATHS, type WorkerBundle } from '../worker-bundle.ts';
import { readableLogger } from './readable-log.ts';

const OUT = 'dist/worker-assets';
/** The same policy the Node server sends (server/middleware/security-headers.ts). */
const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const config = loadConfig(process.env);
const corpus = await openCorpus(config, readableLogger('warn'), { questions: shippedModels().memory.map((m) => m.text) });
const dir = join(config.indexDir, (await readFile(join(config.indexDir, 'CURRENT'), 'utf8')).trim());
await rm(OUT, { recursive: true, force: true });
await mkdir(join(OUT, '_kilde'), { recursive: true });
// The page, and the API reference the Worker serves at /api/docs.
await cp('web', OUT, { recursive: true });
// Static assets skip the Worker's middleware: the page's security headers are set here instead.
await writeFile(join(OUT, '_headers'), `/*\n  Content-Security-Policy: ${PAGE_CSP}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n`);
const bundle: WorkerBundle = {
  docs: corpus.docs,
  manifest: corpus.index.manifest,
  corpus: await readFile(join(dir, 'corpus.json'), 'utf8'),
  passageSearch: await readFile(join(dir, 'passage-search.json'), 'utf8'),
  lexicon: await readFile(join(dir, 'lexicon.json'), 'utf8'),
};
await writeFile(join(OUT, BUNDLE_PATHS.data), JSON.stringify(bundle));
await cp(join(dir, 'sentence-vectors.f32'), join(OUT, BUNDLE_PATHS.sentenceVectors));
await cp(join(dir, 'question-vectors.f32'), join(OUT, BUNDLE_PATHS.questionVectors));
process.stdout.write(`worker assets written to ${OUT} (index of ${corpus.index.manifest.counts.passages} passages, ${corpus.rebuilt ? 'built now' : 'as built'})\n`);
process.exit(0);

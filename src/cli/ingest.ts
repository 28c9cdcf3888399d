/** @module `npm run ingest [-- --force]` or `kilde ingest`: build the index now, with progress (normally start-up does it when needed). */
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { createRuntime } from '../runtime.ts';
import { readableLogger } from './readable-log.ts';

const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } });
const config = loadConfig(process.env);
if (values.force) await rm(config.indexDir + '/CURRENT', { force: true });
const runtime = await createRuntime(config, readableLogger('info'));
const m = runtime.index.manifest;
process.stdout.write(
  `index ${runtime.rebuilt ? 'built' : 'up to date'} in ${runtime.startupMs} ms: ${m.counts.documents} documents, ${m.counts.sections} sections, ` +
    `${m.counts.chunks} chunks, ${m.counts.sentences} sentences, embedder ${m.embedder.name}\n`,
);

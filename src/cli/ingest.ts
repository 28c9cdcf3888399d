/** @module `npm run ingest [-- --force]`: build the index now (normally start-up does it when needed). */
import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { createRuntime } from '../runtime.ts';

const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } });
const config = loadConfig(process.env);
if (values.force) await rm(config.indexDir + '/CURRENT', { force: true });
const runtime = await createRuntime(config, createLogger('info'));
const m = runtime.index.manifest;
process.stdout.write(
  `index ${runtime.rebuilt ? 'built' : 'up to date'} in ${runtime.startupMs} ms: ${m.counts.documents} documents, ${m.counts.sections} sections, ` +
    `${m.counts.chunks} chunks, ${m.counts.sentences} sentences, embedder ${m.embedder.name}\n`,
);

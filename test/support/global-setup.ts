/** @module Builds the test index once before any test file runs, so files load it instead of each building it. */
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { createRuntime } from '../../src/runtime.ts';
import { TEST_INDEX_DIR } from './runtime.ts';

export default async function setup(): Promise<void> {
  const runtime = await createRuntime(loadConfig({ KILDE_INDEX_DIR: TEST_INDEX_DIR, LOG_LEVEL: 'warn' }), createLogger('warn'));
  if (runtime.rebuilt) process.stderr.write(`test index built in ${runtime.startupMs} ms\n`);
}

/**
 * @module Builds the test index and the compiled program (dist/node) once before any test file
 * runs, so files load them instead of each building them while their clocks run.
 */
import { execFileSync } from 'node:child_process';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { createRuntime } from '../../src/runtime.ts';
import { TEST_INDEX_DIR } from './runtime.ts';

export default async function setup(): Promise<void> {
  execFileSync(process.execPath, ['bin/compiled.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const runtime = await createRuntime(loadConfig({ KILDE_INDEX_DIR: TEST_INDEX_DIR, LOG_LEVEL: 'warn' }), createLogger('warn'));
  if (runtime.rebuilt) process.stderr.write(`test index built in ${runtime.startupMs} ms\n`);
}

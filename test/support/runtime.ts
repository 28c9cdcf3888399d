/** @module The real corpus and a real index for end-to-end tests, built once per test run (see global-setup.ts). */
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { createRuntime, type Runtime } from '../../src/runtime.ts';

/** Where tests keep their own index, apart from the one `npm start` uses. */
export const TEST_INDEX_DIR = 'test/output/index';

let shared: Promise<Runtime> | undefined;

/** The offline runtime (USE-lite embedder, extractive answerer) over the real corpus. */
export function getTestRuntime(): Promise<Runtime> {
  shared ??= createRuntime(loadConfig({ KILDE_INDEX_DIR: TEST_INDEX_DIR, LOG_LEVEL: 'silent' }), silentLogger);
  return shared;
}

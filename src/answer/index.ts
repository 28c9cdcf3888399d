/** @module Picks the answerer named by the configuration; the only module that names a concrete answerer. */
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Answerer } from './answerer.ts';
import type { AnsweringDeps } from './evidence.ts';
import { ExtractiveAnswerer } from './extractive/extractive-answerer.ts';
import type { LlmOptions } from './llm/llm-answerer.ts';

export type { Answerer } from './answerer.ts';

export async function createAnswerer(config: Pick<Config, 'answerer'>, deps: AnsweringDeps, logger: Logger, llm: LlmOptions): Promise<Answerer> {
  const extractive = new ExtractiveAnswerer(deps);
  const c = config.answerer;
  switch (c.provider) {
    case 'extractive':
      return extractive;
    case 'openai': {
      const { LlmAnswerer } = await import('./llm/llm-answerer.ts');
      return new LlmAnswerer(c, deps, extractive, logger, llm);
    }
  }
}

import { describe } from 'vitest';
import { runEmbedderContract } from './embedder.contract.ts';
import { createUseLiteEmbeddings, type UseLiteEmbeddings } from './use-lite.ts';

let shared: Promise<UseLiteEmbeddings> | undefined;

describe('UseLiteEmbeddings', () => {
  runEmbedderContract(() => (shared ??= createUseLiteEmbeddings()));
});

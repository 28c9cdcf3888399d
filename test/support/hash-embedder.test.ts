import { describe } from 'vitest';
import { runEmbedderContract } from '../../src/embed/embedder.contract.ts';
import { HashEmbedder } from './hash-embedder.ts';

describe('HashEmbedder (test fake)', () => {
  runEmbedderContract(async () => new HashEmbedder());
});

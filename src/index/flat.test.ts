import { describe } from 'vitest';
import { FlatVectorStore } from './flat.ts';
import { runVectorStoreContract } from './vector-store.contract.ts';

describe('FlatVectorStore', () => {
  runVectorStoreContract((dims) => new FlatVectorStore(dims));
});

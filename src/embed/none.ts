/**
 * @module No query embedding: where the 28 MB model cannot run (a Cloudflare Worker), questions get a
 * zero vector, so dense search is skipped and every similarity feature is 0; ranking rests on
 * BM25 per field, the lexicon, the learned features and the remembered questions' words.
 */
export class NoQueryEmbeddings {
  constructor(readonly dims: number) {}

  embedQuery(): Promise<number[]> {
    return Promise.resolve(new Array<number>(this.dims).fill(0));
  }
}

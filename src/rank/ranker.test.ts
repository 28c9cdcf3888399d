import { beforeAll, describe, expect, it } from 'vitest';
import { tinyCorpus, tinyDoc, type TinyCorpus } from '../../test/support/tiny-corpus.ts';
import { readQuestion } from '../query/analyse.ts';
import { boundedQuestion } from './bounds.ts';
import { keywordCandidates } from './candidates.ts';
import { FEATURES } from './features.ts';
import { QuestionMemory } from './memory.ts';
import { LinearModel } from './model.ts';
import { Ranker } from './ranker.ts';

/** A model that weighs one feature only: the ranking is then easy to predict. */
function only(feature: string): LinearModel {
  return new LinearModel({ features: [...FEATURES], mean: FEATURES.map(() => 0), scale: FEATURES.map(() => 1), weights: FEATURES.map((f) => (f === feature ? 1 : 0)), bias: 0 }, FEATURES);
}

let corpus: TinyCorpus;
beforeAll(async () => {
  corpus = await tinyCorpus([
    tinyDoc('guide', 'Period of reflection\nA period of reflection lasts six months. It cannot be renewed.\n\nShelters\nShelters offer a safe place to stay. Call the police on 112.\n'),
    tinyDoc('report', 'PROSECUTION\nTraffickers face up to ten years in prison. Courts convicted three traffickers.\n', { date: '2025' }),
  ]);
});

const rank = (question: string, ranker: Ranker, docIds?: string[]) => ranker.rank({ question: readQuestion(question, '', corpus.reader), ...(docIds ? { docIds } : {}) });

describe('Ranker.rank', () => {
  it('scores every candidate by the model, best first, with the features it read', async () => {
    const ranker = new Ranker(corpus.index, corpus.facts, corpus.embedder, only('cov_text'));
    const { ranked } = await rank('How long does a period of reflection last?', ranker);
    expect(ranked[0]?.text).toMatch(/period of reflection lasts six months/);
    expect(ranked.every((r, i) => i === 0 || (ranked[i - 1]?.score ?? 0) >= r.score)).toBe(true);
    expect(ranked[0]?.features).toHaveLength(FEATURES.length);
  });

  it('reaches a passage through the lexicon when the question uses another word', async () => {
    const ranker = new Ranker(corpus.index, corpus.facts, corpus.embedder, only('cov_synonym'));
    const { ranked } = await rank('How long is the jail time?', ranker);
    expect(ranked[0]?.text).toMatch(/prison/);
  });

  it('keeps to the documents asked for', async () => {
    const ranker = new Ranker(corpus.index, corpus.facts, corpus.embedder, only('cov_text'));
    const { ranked } = await rank('prison', ranker, ['guide']);
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.every((r) => r.passage.docId === 'guide')).toBe(true);
  });

  it('ranks the answer to a remembered question first when the model trusts the memory', async () => {
    const report = corpus.docs[1]?.text ?? '';
    const start = report.indexOf('Courts convicted');
    const memory = new QuestionMemory([{ terms: ['court', 'convict'], vector: await corpus.embedder.embedQuery('how many were convicted'), gold: [{ docId: 'report', start, end: start + 20 }] }], new Map());
    const ranker = new Ranker(corpus.index, corpus.facts, corpus.embedder, only('memory_dense'), memory);
    const { ranked, recall } = await rank('how many were convicted', ranker);
    expect(recall?.dense[0]?.similarity).toBeCloseTo(1);
    expect(ranked[0]?.text).toMatch(/convicted three/);
  });

  it('scores nothing without a model (collecting features for training)', async () => {
    const ranker = new Ranker(corpus.index, corpus.facts, corpus.embedder, null);
    const { ranked } = await rank('shelters', ranker);
    expect(ranked.every((r) => r.score === 0)).toBe(true);
  });

  it('gives every passage its query-vector features, whether its other features were worked out while the question was embedded or after', async () => {
    const slowly = { embedQuery: async (text: string): Promise<number[]> => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return corpus.embedder.embedQuery(text);
    } };
    const question = 'Who offers a safe place to stay?';
    const fast = (await rank(question, new Ranker(corpus.index, corpus.facts, corpus.embedder, only('dense')))).ranked;
    const slow = (await rank(question, new Ranker(corpus.index, corpus.facts, slowly, only('dense')))).ranked;
    expect(slow.map((r) => [r.passage.id, r.features])).toEqual(fast.map((r) => [r.passage.id, r.features]));
    const query = await corpus.embedder.embedQuery(question);
    const dims = corpus.index.manifest.embedder.dims;
    const cosine = (sid: number): number => {
      const row = corpus.index.sentenceVectors.subarray(sid * dims, (sid + 1) * dims);
      let dot = 0, a = 0, b = 0;
      row.forEach((x, i) => ((dot += x * (query[i] ?? 0)), (a += x * x), (b += (query[i] ?? 0) ** 2)));
      return dot / Math.sqrt(a * b);
    };
    for (const r of slow) expect(r.features[FEATURES.indexOf('dense')]).toBeCloseTo(Math.max(...r.passage.sentenceIds.map(cosine)), 5);
    // Both kinds of candidate are there: those the keyword lists found (features worked out while
    // embedding) and those only the vector found (worked out after); each has its lexical features.
    const keyword = keywordCandidates(corpus.index, boundedQuestion(readQuestion(question, '', corpus.reader), (t) => corpus.facts.idf(t)), undefined);
    const byKeyword = new Set(Object.values(keyword).flatMap((hits) => [...hits.top]));
    expect(slow.some((r) => byKeyword.has(r.passage.id))).toBe(true);
    expect(slow.some((r) => !byKeyword.has(r.passage.id))).toBe(true);
    for (const r of slow) expect(r.features[FEATURES.indexOf('log_length')]).toBeCloseTo(Math.log(1 + r.text.length) / Math.log(1000), 9);
    expect(slow[0]?.text).toMatch(/safe place to stay/);
  });
});

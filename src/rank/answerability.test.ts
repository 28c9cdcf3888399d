import { beforeAll, describe, expect, it } from 'vitest';
import { tinyCorpus, tinyDoc, type TinyCorpus } from '../../test/support/tiny-corpus.ts';
import { readQuestion } from '../query/analyse.ts';
import { ANSWER_FEATURES, checkAnswer, decide } from './answerability.ts';
import { FEATURES } from './features.ts';
import { LinearModel } from './model.ts';
import { Ranker } from './ranker.ts';

let corpus: TinyCorpus;
let ranker: Ranker;
beforeAll(async () => {
  corpus = await tinyCorpus([
    tinyDoc('report', 'PROSECUTION\nIn 2024, courts in Oslo convicted three traffickers. Traffickers face up to ten years in prison.\n', { date: '2025', yearsCovered: ['2024'] }),
  ]);
  const weights = FEATURES.map((f) => (f === 'cov_text' ? 1 : 0));
  ranker = new Ranker(corpus.index, corpus.facts, corpus.embedder, new LinearModel({ features: [...FEATURES], mean: FEATURES.map(() => 0), scale: FEATURES.map(() => 1), weights, bias: 0 }, FEATURES));
});

async function check(text: string) {
  const question = readQuestion(text, '', corpus.reader);
  const { ranked, recall } = await ranker.rank({ question });
  return checkAnswer(question, ranked, recall, corpus.facts);
}

describe('checkAnswer', () => {
  it('passes a question whose year and name the best passages meet', async () => {
    const c = await check('How many traffickers did courts in Oslo convict in 2024?');
    expect(c.vetoed).toBe(false);
    expect(c.features[ANSWER_FEATURES.indexOf('asks_met_top')]).toBe(1);
  });

  it('vetoes a year none of the best passages or their documents cover', async () => {
    const c = await check('How many traffickers were convicted in 2015?');
    expect(c.vetoed).toBe(true);
    expect(c.missing.years).toEqual(['2015']);
  });

  it('vetoes a name no passage mentions, and reports words the documents never use', async () => {
    const c = await check('How many traffickers did courts in Sweden convict?');
    expect(c.missing.names).toEqual(['sweden']);
    expect(c.vetoed).toBe(true);
    expect((await check('How many traffickers were sent to Mars?')).missing.unknownWords).toContain('mar');
  });

  it('notes when the passages lack the kind of fact asked for', async () => {
    expect((await check('Where do traffickers face prison?')).missing.asked).toBe(true);
  });
});

describe('decide', () => {
  const model = new LinearModel({ features: [...ANSWER_FEATURES], mean: ANSWER_FEATURES.map(() => 0), scale: ANSWER_FEATURES.map(() => 1), weights: ANSWER_FEATURES.map(() => 0), bias: 1 }, ANSWER_FEATURES);

  it('answers at or above the threshold, and never past a veto', async () => {
    const passing = await check('How many traffickers did courts in Oslo convict in 2024?');
    expect(decide(passing, model, 0.7).answerable).toBe(true);
    expect(decide(passing, model, 0.8).answerable).toBe(false);
    expect(decide({ ...passing, vetoed: true }, model, 0).answerable).toBe(false);
  });
});

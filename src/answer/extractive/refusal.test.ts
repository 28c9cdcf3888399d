import { beforeAll, describe, expect, it } from 'vitest';
import { tinyCorpus, tinyDoc, type TinyCorpus } from '../../../test/support/tiny-corpus.ts';
import { readQuestion } from '../../query/analyse.ts';
import { ANSWER_FEATURES, checkAnswer, decide } from '../../rank/answerability.ts';
import { FEATURES } from '../../rank/features.ts';
import { LinearModel } from '../../rank/model.ts';
import { Ranker } from '../../rank/ranker.ts';
import type { Evidence } from '../evidence.ts';
import { refusalReason } from './refusal.ts';

let corpus: TinyCorpus;
let ranker: Ranker;
beforeAll(async () => {
  corpus = await tinyCorpus([tinyDoc('report', 'PROSECUTION\nIn 2024, courts in Oslo convicted three traffickers. Traffickers face up to ten years in prison.\n')]);
  const weights = FEATURES.map((f) => (f === 'cov_text' ? 1 : 0));
  ranker = new Ranker(corpus.index, corpus.facts, corpus.embedder, new LinearModel({ features: [...FEATURES], mean: FEATURES.map(() => 0), scale: FEATURES.map(() => 1), weights, bias: 0 }, FEATURES));
});

/** The evidence for a question the answer check refuses (a model that never answers). */
async function refused(asked: string, language: Evidence['language'] = 'en'): Promise<Evidence> {
  const question = readQuestion(corpus.translator.inEnglish(asked), '', corpus.reader);
  const { ranked, recall } = await ranker.rank({ question });
  const never = new LinearModel({ features: [...ANSWER_FEATURES], mean: ANSWER_FEATURES.map(() => 0), scale: ANSWER_FEATURES.map(() => 1), weights: ANSWER_FEATURES.map(() => 0), bias: -10 }, ANSWER_FEATURES);
  const decision = decide(checkAnswer(question, ranked, recall, corpus.facts), never, 0.5);
  return { asked, language, helpSeeking: false, question, ranked, decision, searchedFor: asked };
}

describe('refusalReason', () => {
  it('quotes the words the documents never use as the reader wrote them, not as search stems', async () => {
    expect(refusalReason(await refused('Did anybody really face prison?'))).toBe('the documents never mention “anybody”, “really”');
    expect(refusalReason(await refused('How many traffickers were sent to Mars?'))).toBe('the passages that match say nothing about “Mars”');
  });

  it('shows a translated question\'s word as the reader wrote it, with the English searched for', async () => {
    const evidence = await refused('Hvilken farge har fengselet?', 'nb');
    expect(refusalReason(evidence, corpus.translator)).toBe('dokumentene nevner aldri “farge” (“colour”)');
    expect(refusalReason(evidence)).toBe('dokumentene nevner aldri “colour”');
  });

  it('names a year no passage covers', async () => {
    expect(refusalReason(await refused('How many traffickers were convicted in 2015?'))).toContain('“2015”');
  });
});

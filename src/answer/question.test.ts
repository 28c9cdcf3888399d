import { describe, expect, it } from 'vitest';
import { analyseQuestion, matchesAnswerType } from './question.ts';

describe('analyseQuestion', () => {
  it.each([
    ['How many victims were identified?', 'number'],
    ['What ILO figures on forced labour does the plan quote?', 'number'],
    ['How long is the reflection period?', 'duration'],
    ['When was the plan adopted?', 'date'],
    ['Who signed the foreword?', 'person'],
    ['Why is Norway a destination country?', 'other'],
  ])('reads "%s" as asking for a %s', (question, type) => {
    expect(analyseQuestion(question).answerType).toBe(type);
  });

  it('collects years and capitalised names, but not months or the first word', () => {
    const a = analyseQuestion('What tier did Sweden get in March 2015?');
    expect(a.years).toEqual(['2015']);
    expect(a.names).toEqual(['sweden']);
  });

  it('adds thesaurus synonyms the question does not use', () => {
    expect(analyseQuestion('Can a child be sent back home?').expansions.length).toBeGreaterThan(0);
  });
});

describe('matchesAnswerType', () => {
  it('finds durations written as one glued word by PDF extraction', () => {
    expect(matchesAnswerType('duration', 'the agreed threeyear trial period')).toBe(true);
  });

  it('finds numbers written as words', () => {
    expect(matchesAnswerType('number', 'sixteen of them are new')).toBe(true);
    expect(matchesAnswerType('number', 'no figure here')).toBe(false);
  });
});

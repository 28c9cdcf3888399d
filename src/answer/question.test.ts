import { describe, expect, it } from 'vitest';
import { analyseQuestion, answerTypeIsRequired, matchesAnswerType } from './question.ts';

describe('analyseQuestion', () => {
  it.each([
    ['How many victims were identified?', 'number'],
    ['What ILO figures on forced labour does the plan quote?', 'number'],
    ['How long is the reflection period?', 'duration'],
    ['When was the plan adopted?', 'date'],
    ['Who signed the foreword?', 'person'],
    ['Why is Norway a destination country?', 'reason'],
    ['Under what conditions may a child be returned?', 'condition'],
    ['What does the plan say about begging?', 'other'],
    ['What is a period of reflection?', 'definition'],
    ["What does the word 'bakmenn' refer to?", 'definition'],
    ['What is the penalty for trafficking children in Norway under the 2006 plan?', 'penalty'],
    ['What prison terms did the traffickers get?', 'penalty'],
  ])('reads "%s" as asking for a %s', (question, type) => {
    expect(analyseQuestion(question).answerType).toBe(type);
  });

  it('does not take the capital that starts a sentence for a name', () => {
    expect(analyseQuestion('Who runs ROSA? So when did Oslo start it?').names).toEqual(['oslo']);
  });

  it('collects years and capitalised names, but not months or the first word', () => {
    const a = analyseQuestion('What tier did Sweden get in March 2015?');
    expect(a.years).toEqual(['2015']);
    expect(a.names).toEqual(['sweden']);
  });

  it('leaves out the words that only frame the question', () => {
    expect(analyseQuestion('Under what conditions may a child be returned?').terms).toEqual(analyseQuestion('may a child be returned').terms);
    expect(analyseQuestion('What kinds of permit exist?').terms).toEqual(analyseQuestion('permit exist').terms);
  });

  it('reads a question with long runs of blanks as if single-spaced', () => {
    expect(analyseQuestion(`What   is\n\n a   period of ${' '.repeat(1500)}reflection?`)).toMatchObject({ answerType: 'definition', subject: 'period of reflection' });
    expect(analyseQuestion(`what is ${' '.repeat(2000)}x!`).answerType).toBe('other');
  });

  it('collects the figures the question gives', () => {
    expect(analyseQuestion('How many of the 37 measures were new in 2006?').figures).toEqual(['37', '2006']);
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

  it('does not take a figure the question gave, or a section number, for an answer', () => {
    expect(matchesAnswerType('number', 'No victims were identified in 2024 under section 62a.', { figures: ['2024'], subject: null })).toBe(false);
    expect(matchesAnswerType('number', 'Authorities identified 97 victims in 2024.', { figures: ['2024'], subject: null })).toBe(true);
    expect(matchesAnswerType('number', 'See Measure no. 17 and Article 4.')).toBe(false);
  });

  it('reads what a definition question asks to define', () => {
    expect(analyseQuestion('What is a period of reflection?').subject).toBe('period of reflection');
    expect(analyseQuestion("What does the plan mean by 'cultural agents'?").subject).toBe('cultural agents');
    expect(analyseQuestion('How many victims were there?').subject).toBeNull();
  });

  it('finds a definition by how it is worded', () => {
    const subject = { figures: [], subject: 'period of reflection' };
    expect(matchesAnswerType('definition', 'A period of reflection is a residence permit valid for six months.', subject)).toBe(true);
    expect(matchesAnswerType('definition', 'Barnehus – multidisciplinary centres for children.', { figures: [], subject: 'Barnehus' })).toBe(true);
    expect(matchesAnswerType('definition', 'The term “bakmenn” is used for the organisers.', { figures: [], subject: 'bakmenn' })).toBe(true);
    expect(matchesAnswerType('definition', 'One victim benefited from the reflection period.', subject)).toBe(false);
    expect(matchesAnswerType('definition', 'Økokrim is the national authority for economic crime.', { figures: [], subject: 'Økokrim' })).toBe(true);
    expect(analyseQuestion("What does Norway's 'Barnehus' mean?").subject).toBe('Barnehus');
    expect(answerTypeIsRequired('definition')).toBe(false);
  });

  it('finds reasons and conditions by how they are worded, without requiring them', () => {
    expect(matchesAnswerType('reason', 'It is attractive because it is rich.')).toBe(true);
    expect(matchesAnswerType('condition', 'A child may only be returned if a carer is found.')).toBe(true);
    expect(answerTypeIsRequired('reason')).toBe(false);
    expect(answerTypeIsRequired('number')).toBe(true);
  });
});

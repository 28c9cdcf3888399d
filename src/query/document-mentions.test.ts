import { describe, expect, it } from 'vitest';
import { DocumentMentions } from './document-mentions.ts';

const docs = [
  { id: 'tip06', title: '2006 Trafficking in Persons Report', shortTitle: '2006 TIP Report', publisher: 'U.S. Department of State', date: '2006' },
  { id: 'tip25', title: '2025 Trafficking in Persons Report', shortTitle: '2025 TIP Report', publisher: 'U.S. Department of State', date: '2025', yearsCovered: ['2024', '2025'] },
  { id: 'plan', title: 'Plan of Action', shortTitle: 'Plan of Action 2006', publisher: 'Norwegian Government', date: '2006' },
];

describe('DocumentMentions.strengths', () => {
  it('names the one document whose title holds a distinctive year', () => {
    expect(new DocumentMentions(docs).strengths('According to the 2025 TIP report, when was the plan adopted?').get('tip25')).toBe(1);
  });

  it('prefers the document more of whose naming words the question uses', () => {
    const s = new DocumentMentions(docs).strengths('What does the 2006 TIP report say?');
    expect(s.get('tip06')).toBe(1);
    expect(s.get('plan') ?? 0).toBeLessThan(1);
  });

  it('gives a year two documents share to the one whose title the question echoes', () => {
    const s = new DocumentMentions(docs).strengths('What are the goals of the 2006 plan?');
    expect(s.get('plan')).toBe(1);
    expect(s.has('tip06')).toBe(false);
  });

  it('does not let ordinary title words such as "plan" name a document', () => {
    expect(new DocumentMentions(docs).strengths('What did the national action plan focus on?').size).toBe(0);
  });

  it('names the document that reports on a year the question asks about', () => {
    expect(new DocumentMentions(docs).strengths('How many children were identified in 2024?').get('tip25')).toBe(1);
  });

  it('gives as naming words only those of the title, not the years a document reports on', () => {
    expect(new DocumentMentions(docs).namingWordsOf(['tip25'])).toEqual(new Set(['2025', 'tip']));
  });

  it('names no document for a question without title words', () => {
    expect(new DocumentMentions(docs).strengths('How long is the reflection period?').size).toBe(0);
  });
});

describe('DocumentMentions.namingPhraseTerms', () => {
  it('takes the title words beside a naming word, and no others', () => {
    const mentions = new DocumentMentions(docs);
    const terms = mentions.namingPhraseTerms('What does the 2025 TIP report say about the report of the police?', ['tip25']);
    expect([...terms].sort()).toEqual(['2025', 'report', 'tip']);
    expect(mentions.namingPhraseTerms('What does the report of the police say?', ['tip25']).size).toBe(0);
  });
});

describe('DocumentMentions.spansDocuments', () => {
  it('is true when two documents\u2019 years are named', () => {
    expect(new DocumentMentions(docs).spansDocuments('Tier 1 in 2006; is it still so in the 2025 report?')).toBe(true);
  });

  it('is false for years that are no document\u2019s', () => {
    expect(new DocumentMentions(docs).spansDocuments('More victims in 2022 than in 2023?')).toBe(false);
  });

  it('is true when two documents are named, by year or by acronym', () => {
    const withUdi = [...docs, { id: 'udi', title: 'Victims page', shortTitle: 'UDI victims page', publisher: 'UDI', date: null }];
    expect(new DocumentMentions(withUdi).spansDocuments('Compare the reflection period in the 2006 plan and on the UDI page.')).toBe(true);
    expect(new DocumentMentions(withUdi).spansDocuments('What does the UDI page say about children?')).toBe(false);
  });

  it('is false for two years of one document', () => {
    expect(new DocumentMentions(docs).spansDocuments('How many were convicted in 2024, according to the 2025 report?')).toBe(false);
  });
});

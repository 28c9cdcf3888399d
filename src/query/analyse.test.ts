import { beforeAll, describe, expect, it } from 'vitest';
import { tinyCorpus, tinyDoc, type TinyCorpus } from '../../test/support/tiny-corpus.ts';
import { readQuestion } from './analyse.ts';

let corpus: TinyCorpus;
beforeAll(async () => {
  corpus = await tinyCorpus([
    tinyDoc('report', 'PROSECUTION\nIn 2024, courts in Oslo convicted three traffickers. Traffickers face up to ten years in prison.\n', { title: 'The 2025 Report', shortTitle: '2025 Report', date: '2025' }),
  ]);
});

describe('readQuestion', () => {
  it('reads terms, what is asked, years and names', () => {
    const q = readQuestion('How many traffickers did courts in Oslo convict in 2024?', '', corpus.reader);
    expect(q.terms).toEqual(expect.arrayContaining(['traffick', 'court', 'oslo', 'convict', '2024']));
    expect(q.asks).toBe('number');
    expect(q.years).toEqual(['2024']);
    expect(q.names).toEqual(['oslo']);
  });

  it('takes a word the documents always capitalise for a name, however it is typed', () => {
    expect(readQuestion('are courts in oslo strict', '', corpus.reader).names).toEqual(['oslo']);
  });

  it('takes no function word or question word for a name, capital or not', () => {
    expect(readQuestion('Tell me. Are You sure? When', '', corpus.reader).names).toEqual([]);
  });

  it('leaves out the words that only name a document, and keeps the conversation apart', () => {
    const q = readQuestion('And in prison?', 'What does the 2025 report say about courts?', corpus.reader);
    expect(q.terms).toEqual(['prison']);
    expect(q.contextTerms).toEqual(expect.arrayContaining(['court']));
    expect(q.contextTerms).not.toContain('report');
  });

  it('adds what the lexicon relates, and marks questions about now and comparisons', () => {
    const q = readQuestion('Is jail still the rule now, compared with before?', '', corpus.reader);
    expect(q.expansions.map((e) => e.term)).toContain('prison');
    expect(q.aboutNow).toBe(true);
    expect(q.comparative).toBe(true);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { tinyCorpus, tinyDoc, type TinyCorpus } from '../../test/support/tiny-corpus.ts';
import { readConversation } from './conversation.ts';
import { Translator } from './translate.ts';

let corpus: TinyCorpus;
beforeAll(async () => {
  corpus = await tinyCorpus([tinyDoc('report', 'PROSECUTION\nTraffickers face up to ten years in prison. Courts in Oslo convicted three traffickers.\n', { title: 'The 2025 Report', shortTitle: '2025 Report', date: '2025' })]);
});

const translator = new Translator({ source: 'test', licence: 'CC0', entries: { hva: 'what', er: 'is', straffen: 'penalty', for: 'for', menneskehandel: 'trafficking', og: 'and', i: 'in' } });

describe('readConversation', () => {
  it('reads a Norwegian question in English search words and says it was translated', () => {
    const q = readConversation([{ role: 'user', content: 'Hva er straffen for menneskehandel?' }], corpus.reader, translator);
    expect(q.text).toBe('What is penalty for trafficking?');
    expect(q.terms).toEqual(expect.arrayContaining(['penalti', 'traffick']));
    expect(q.translated).toBe(true);
  });

  it('leaves an English question as it is', () => {
    const q = readConversation([{ role: 'user', content: 'What is the penalty for trafficking?' }], corpus.reader, translator);
    expect(q.text).toBe('What is the penalty for trafficking?');
    expect(q.translated).toBe(false);
  });

  it('reads a follow-up with the turn it leans on, both in English', () => {
    const q = readConversation(
      [
        { role: 'user', content: 'Hva er straffen for menneskehandel?' },
        { role: 'assistant', content: 'Traffickers face up to ten years in prison.' },
        { role: 'user', content: 'og i Oslo?' },
      ],
      corpus.reader,
      translator,
    );
    expect(q.context).toContain('What is penalty for trafficking?');
    expect(q.names).toEqual(['oslo']);
  });
});

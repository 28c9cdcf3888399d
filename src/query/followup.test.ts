import { describe, expect, it } from 'vitest';
import { isFollowUp, rewriteFollowUp, splitConversation } from './followup.ts';

describe('isFollowUp', () => {
  it('recognises questions that open with "And" or lean on a pronoun', () => {
    expect(isFollowUp('And how many of those ended in a conviction?')).toBe(true);
    expect(isFollowUp('How many did they actually assist that year?')).toBe(true);
  });

  it('treats a complete question as standing alone', () => {
    expect(isFollowUp('How long is the reflection period for trafficking victims in Norway?')).toBe(false);
  });
});

describe('rewriteFollowUp', () => {
  const history = [
    { role: 'user' as const, content: 'How many trafficking cases did Norway prosecute in 2005?' },
    { role: 'assistant' as const, content: 'Eight cases.' },
  ];

  it('prefixes a follow-up with the previous question and the answer it got', () => {
    expect(rewriteFollowUp([...history, { role: 'user', content: 'And how many were convicted?' }])).toBe(
      'How many trafficking cases did Norway prosecute in 2005? Eight cases. And how many were convicted?',
    );
  });

  it('leaves a standalone question alone', () => {
    const q = 'Who runs the Norwegian trafficking hotline for victims?';
    expect(rewriteFollowUp([...history, { role: 'user', content: q }])).toBe(q);
  });

  it('returns the question itself when there is no earlier turn', () => {
    expect(rewriteFollowUp([{ role: 'user', content: 'And then?' }])).toBe('And then?');
  });

  it('carries at most 2,000 characters of the earlier question', () => {
    const long = `How many cases ${'x '.repeat(5000)}?`;
    const rewritten = rewriteFollowUp([{ role: 'user', content: long }, { role: 'assistant', content: 'Eight.' }, { role: 'user', content: 'And convictions?' }]);
    expect(rewritten.length).toBeLessThanOrEqual(2000 + ' And convictions?'.length);
  });

  it('tells a follow-up by the turns as `read` gives them, and reads only the turns it uses, cut to length', () => {
    const english: Record<string, string> = { 'hva er en refleksjonsperiode?': 'what is a reflection period?', 'kan den forlenges?': 'can it be extended?' };
    const seen: string[] = [];
    const read = (text: string): string => {
      seen.push(text);
      return english[text] ?? text;
    };
    const turns = [
      { role: 'user' as const, content: 'hvem er UDI?' },
      { role: 'assistant' as const, content: 'UDI er utlendingsdirektoratet.' },
      { role: 'user' as const, content: 'hva er en refleksjonsperiode?' },
      { role: 'assistant' as const, content: 'Seks måneder.' },
      { role: 'user' as const, content: 'kan den forlenges?' },
    ];
    expect(splitConversation(turns)).toMatchObject({ context: '' });
    expect(splitConversation(turns, read)).toEqual({ question: 'can it be extended?', context: 'what is a reflection period? Seks måneder.', previous: 'what is a reflection period?', answer: 'Seks måneder.' });
    expect(seen.sort()).toEqual(['Seks måneder.', 'hva er en refleksjonsperiode?', 'kan den forlenges?']);
  });
});

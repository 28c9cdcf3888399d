import { describe, expect, it } from 'vitest';
import { tinyCorpus, tinyDoc } from '../../test/support/tiny-corpus.ts';
import { helpContacts } from './help-contacts.ts';

describe('helpContacts', () => {
  it('gives each item of the manifest’s help sections, with its following lines, as an exact citation', async () => {
    const text = 'About\nSome text.\n\nWho can help you?\n- Police: call 112 if you are in danger.\n- ROSA can give advice.\n24 hour hotline: 22 33 11 60\n';
    const corpus = await tinyCorpus([tinyDoc('guide', text, { help: { sections: ['Who can help you?'] } }), tinyDoc('other', 'Who can help you?\n- Nobody listed here.\n')]);
    const contacts = helpContacts(corpus.index, corpus.docs, corpus.view);
    expect(contacts.map((c) => c.text)).toEqual(['- Police: call 112 if you are in danger.', '- ROSA can give advice.\n24 hour hotline: 22 33 11 60']);
    expect(contacts.map((c) => c.n)).toEqual([1, 2]);
    for (const c of contacts) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('gives none when the manifest names no help section', async () => {
    const corpus = await tinyCorpus([tinyDoc('guide', 'Who can help you?\n- Police: 112\n')]);
    expect(helpContacts(corpus.index, corpus.docs, corpus.view)).toEqual([]);
  });
});

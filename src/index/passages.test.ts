import { describe, expect, it } from 'vitest';
import { tinyCorpus, tinyDoc } from '../../test/support/tiny-corpus.ts';

describe('buildPassages (through a build)', () => {
  it('makes runs of one to three sentences that never cross a section', async () => {
    const { index } = await tinyCorpus([tinyDoc('d', 'First\nOne a. Two b. Three c. Four d.\n\nSecond\nFive e.\n')]);
    const texts = index.passages.map((p) => p.sentenceIds.map((id) => index.sentences[id]?.cleanText).join(' '));
    expect(texts).toContain('One a. Two b. Three c.');
    expect(texts).not.toContain('One a. Two b. Three c. Four d.');
    expect(texts.some((t) => t.includes('Four d.') && t.includes('Five e.'))).toBe(false);
    for (const p of index.passages) expect(p.sentenceIds.length).toBeLessThanOrEqual(3);
  });

  it('takes a list with the sentence that introduces it, and marks what each passage holds', async () => {
    const { index } = await tinyCorpus([tinyDoc('d', 'Help\nYou can call:\n- the police on 112\n- a crisis centre\n- a lawyer\n- a doctor\n')]);
    const list = index.passages.find((p) => p.kind === 'list' && p.sentenceIds.length === 5);
    expect(list).toBeDefined();
    expect(list?.facts).toContain('contact');
    expect(list?.toReader).toBe(true);
    expect(list?.opensSection).toBe(true);
  });
});

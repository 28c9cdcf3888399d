import { describe, expect, it } from 'vitest';
import type { Chunk, Sentence } from '../../types.ts';
import { claimsCiting, narrowToClaims } from './narrow.ts';

describe('claimsCiting', () => {
  it('takes the words of the sentence before the marker', () => {
    expect(claimsCiting('Norway has a reflection period [1]. Shelters exist [2].', 2)).toEqual(['Shelters exist']);
  });

  it('reads a marker placed after the full stop as citing that sentence', () => {
    expect(claimsCiting('Norway has a reflection period. [1] Shelters exist. [2]', 1)).toEqual(['Norway has a reflection period']);
    expect(claimsCiting('Norway has a reflection period. [1] Shelters exist. [2]', 2)).toEqual(['Shelters exist']);
  });

  it('gives stacked markers the same claim', () => {
    const answer = 'Intro sentence here [3]. Eight cases were tried [1][2].';
    expect(claimsCiting(answer, 1)).toEqual(['Eight cases were tried']);
    expect(claimsCiting(answer, 2)).toEqual(['Eight cases were tried']);
  });

  it('splits a sentence at an earlier marker, and at question marks and line breaks', () => {
    expect(claimsCiting('Police investigated 40 cases [1], and courts convicted 12 [2].', 2)).toEqual([', and courts convicted 12']);
    expect(claimsCiting('Is it legal? Selling sex is not a crime [1].', 1)).toEqual(['Selling sex is not a crime']);
    expect(claimsCiting('Measures:\n- a hotline [1]\n- shelters [2]', 2)).toEqual(['- shelters']);
  });

  it('keeps a decimal number inside its claim', () => {
    expect(claimsCiting('The fund grew to 2.5 million kroner [1].', 1)).toEqual(['The fund grew to 2.5 million kroner']);
  });

  it('collects every claim citing the marker, and does not mistake [11] for [1]', () => {
    expect(claimsCiting('A is true [1]. B is true [11]. C is true [1].', 1)).toEqual(['A is true', 'C is true']);
    expect(claimsCiting('Nothing cited here.', 1)).toEqual([]);
  });
});

describe('narrowToClaims', () => {
  // Three sentences of one chunk, laid out in a document: offsets are document offsets.
  const texts = [
    'The Penal Code section 224 covers human trafficking.',
    'Victims victims victims of all kinds are victims.',
    'Foreign victims may get a reflection period of six months.',
  ];
  const sentences: Sentence[] = [];
  let at = 100;
  texts.forEach((cleanText, id) => {
    sentences.push({ id, docId: 'd', sectionId: 's0', start: at, end: at + cleanText.length, cleanText });
    at += cleanText.length + 1;
  });
  const chunk: Chunk = { id: 'd#0', docId: 'd', sectionId: 's0', sectionPath: ['S'], start: 100, end: at - 1, indexText: '', sentenceIds: [0, 1, 2] };
  const span = (i: number): { start: number; end: number } => ({ start: sentences[i]?.start ?? -1, end: sentences[i]?.end ?? -1 });

  it('narrows to the sentence that carries the claim', () => {
    expect(narrowToClaims('A foreign victim can get a six-month reflection period [1].', 1, chunk, sentences)).toEqual(span(2));
  });

  it('counts distinct shared terms, so a sentence repeating one word does not win', () => {
    expect(narrowToClaims('Victims get a reflection period [1].', 1, chunk, sentences)).toEqual(span(2));
  });

  it('spans from the first to the last sentence carrying a claim citing the passage', () => {
    expect(narrowToClaims('Section 224 of the Penal Code covers trafficking [1]. Victims get a reflection period [1].', 1, chunk, sentences)).toEqual({
      start: sentences[0]?.start,
      end: sentences[2]?.end,
    });
  });

  it('only looks at claims citing its own marker', () => {
    expect(narrowToClaims('Section 224 of the Penal Code covers trafficking [2]. Victims get a reflection period [1].', 1, chunk, sentences)).toEqual(span(2));
  });

  it('falls back to the whole chunk when no sentence shares a term with the claim', () => {
    expect(narrowToClaims('Bananas are yellow [1].', 1, chunk, sentences)).toEqual({ start: chunk.start, end: chunk.end });
  });

  it('narrows to the claim it backs when its marker is also stacked on a claim another passage backs', () => {
    expect(narrowToClaims('Victims get a reflection period [1]. Bananas are yellow [2][1].', 1, chunk, sentences)).toEqual(span(2));
  });

  it('cites the whole chunk when a claim it alone is cited for is not found in it', () => {
    expect(narrowToClaims('Victims get a reflection period [1]. Bananas are yellow [1].', 1, chunk, sentences)).toEqual({ start: chunk.start, end: chunk.end });
  });

  it('stays inside the chunk when a sentence runs past it', () => {
    const cut: Chunk = { ...chunk, end: (sentences[2]?.start ?? 0) + 10 };
    expect(narrowToClaims('Victims get a reflection period [1].', 1, cut, sentences)).toEqual({ start: sentences[2]?.start, end: cut.end });
  });

  describe('when a claim spans several sentences', () => {
    /** Sentences laid out one after another from offset 0, as one chunk. */
    const layout = (texts: string[]): { chunk: Chunk; sentences: Sentence[]; text: string } => {
      const text = texts.join(' ');
      const laid: Sentence[] = [];
      let at = 0;
      texts.forEach((cleanText, id) => {
        laid.push({ id, docId: 'd', sectionId: 's0', start: at, end: at + cleanText.length, cleanText });
        at += cleanText.length + 1;
      });
      return { chunk: { id: 'd#0', docId: 'd', sectionId: 's0', sectionPath: ['S'], start: 0, end: text.length, indexText: '', sentenceIds: laid.map((x) => x.id) }, sentences: laid, text };
    };
    const quote = (answer: string, texts: string[]): string => {
      const { chunk, sentences: laid, text } = layout(texts);
      const { start, end } = narrowToClaims(answer, 1, chunk, laid);
      return text.slice(start, end);
    };

    it('takes every sentence the claim needs, not only the best-matching one', () => {
      const texts = [
        'Section 224 of the Penal Code covers human trafficking.',
        'Victims of human trafficking can be granted a reflection period.',
        'It lasts six months.',
        'Shelters offer a safe place to stay.',
      ];
      expect(quote('The reflection period for victims lasts six months [1].', texts)).toBe(`${texts[1]} ${texts[2]}`);
    });

    it('keeps the sentence holding the claim’s figure, a number word matching digits', () => {
      const texts = ['Victims can be granted a reflection period.', 'The period is 6 months.', 'Shelters offer a safe place to stay.'];
      expect(quote('The reflection period lasts six months [1].', texts)).toBe(`${texts[0]} ${texts[1]}`);
      // The year and the count tie with the sentence sharing more plain words, and still win a place.
      const years = ['Police identified presumed victims of trafficking.', 'Shelters offer a safe place to stay.', 'In 2023 the figure was 52.'];
      expect(quote('Police identified 52 victims in 2023 [1].', years)).toBe(years.join(' '));
    });

    it('on a tie, takes the sentence nearer those already taken, so the span stays short', () => {
      const texts = ['Victims can be granted a reflection period.', 'Shelters offer a safe place to stay.', 'It lasts six months.', 'Victims can be granted a reflection period.'];
      expect(quote('The reflection period for victims lasts six months [1].', texts)).toBe(`${texts[2]} ${texts[3]}`);
    });

    it('does not stretch the quote to a far sentence sharing one common word', () => {
      const texts = ['Victims can be granted a reflection period.', 'It lasts six months.', 'Shelters offer a safe place to stay.', 'Courts handle forced labour cases.'];
      // "Labour" is capitalised only in the claim: not a name the far sentence holds.
      expect(quote('The Labour Ministry says the reflection period for victims lasts six months [1].', texts)).toBe(`${texts[0]} ${texts[1]}`);
    });

    it('cites the whole chunk when the chunk holds under half of a claim’s terms', () => {
      const texts = ['Victims can be granted a reflection period.', 'Shelters offer a safe place to stay.'];
      expect(quote('Victims in Norway receive free legal aid and a residence permit [1].', texts)).toBe(texts.join(' '));
    });
  });
});

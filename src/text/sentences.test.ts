import { describe, expect, it } from 'vitest';
import { splitSentences, splitTableRows } from './sentences.ts';

const slices = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at a full stop before a capital letter', () => {
    expect(slices('One trafficker was convicted. The government prosecuted eight cases.')).toEqual([
      'One trafficker was convicted.',
      'The government prosecuted eight cases.',
    ]);
  });

  it('does not split after abbreviations such as "no." and "cf."', () => {
    expect(slices('See Measure no. 6 here (cf. Measure no. 31). Next one.')).toEqual([
      'See Measure no. 6 here (cf. Measure no. 31).',
      'Next one.',
    ]);
  });

  it('joins lines wrapped inside a sentence', () => {
    expect(slices('The plan proposes\na new permit for\none year. Then more.')).toEqual([
      'The plan proposes\na new permit for\none year.',
      'Then more.',
    ]);
  });

  it('keeps a sentence whole across a page break', () => {
    expect(slices('Victims are\n\nreferred to shelters. Done.')).toEqual(['Victims are\n\nreferred to shelters.', 'Done.']);
  });

  it('keeps wrapped prose whole across a page break before a capitalised word', () => {
    const text = 'The Convention and its optional\nprotocols have been incorporated into the Human\n\nRights Act and apply as Norwegian law. Next.';
    expect(slices(text)).toEqual(['The Convention and its optional\nprotocols have been incorporated into the Human\n\nRights Act and apply as Norwegian law.', 'Next.']);
  });

  it('makes each bullet its own sentence', () => {
    expect(slices('Goals:\n• protect victims\n• prosecute traffickers')).toEqual([
      'Goals:',
      '• protect victims',
      '• prosecute traffickers',
    ]);
  });

  it('ends a sentence at a heading line', () => {
    expect(slices('Period of reflection\nYou can apply.')).toEqual(['Period of reflection', 'You can apply.']);
  });

  it('does not take a wrapped line that starts in lower case for a heading', () => {
    expect(slices('optional protocols are part of the Human\nRights Act and apply. Next.')).toEqual([
      'optional protocols are part of the Human\nRights Act and apply.',
      'Next.',
    ]);
  });

  it('returns offsets into the original text', () => {
    const text = 'xx  First one. Second one.  yy';
    const spans = splitSentences(text, 2, 27);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['First one.', 'Second one.']);
  });
});

describe('splitTableRows', () => {
  it('makes each row a span, joining the lines a row wraps onto', () => {
    const text = 'Title row\nMeasure no. 1 Review the law in\n\t\t\norder to clarify it (new)\nMeasure no. 2 Train the police\nGroup heading';
    expect(splitTableRows(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Title row',
      'Measure no. 1 Review the law in\n\t\t\norder to clarify it (new)',
      'Measure no. 2 Train the police',
      'Group heading',
    ]);
  });
});

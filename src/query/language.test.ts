import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

describe('detectLanguage', () => {
  it.each([
    ['How long is the reflection period?', 'en'],
    ['i need help, they took my passport', 'en'],
    ['Hvor lenge varer refleksjonsperioden?', 'nb'],
    ['Hvor mange ofre for menneskehandel ble identifisert i Norge i 2015?', 'nb'],
    ['Kor mange offer vart identifiserte i 2024?', 'nn'],
    ['Kva kan eg gjere no?', 'nn'],
    ['hjelp på krisesenter', 'nb'],
  ])('reads "%s" as %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('takes a question it cannot tell for English', () => {
    expect(detectLanguage('KOM?')).toBe('en');
  });

  it('reads a text with no function words of either language by its content words, when told how they lean', () => {
    const lean = (words: ReadonlyArray<string>): number => words.filter((w) => w === 'straff').length - words.filter((w) => w === 'victim').length;
    expect(detectLanguage('straff menneskehandel')).toBe('en');
    expect(detectLanguage('straff menneskehandel', lean)).toBe('nb');
    expect(detectLanguage('victim shelter', lean)).toBe('en');
    // Function words decide when there are any: the content words are not asked.
    expect(detectLanguage('what is straff', lean)).toBe('en');
  });
});

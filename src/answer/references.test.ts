import { describe, expect, it } from 'vitest';
import { answerAsText, referenceLine, referencesBlock } from './references.ts';
import type { Citation } from './types.ts';

const citation = (n: number, text: string, docDate: string | null = '2025'): Citation => ({
  n,
  docId: 'tip-2025',
  docTitle: '2025 TIP Report',
  docDate,
  sectionPath: ['Protection', 'Shelters'],
  start: 10,
  end: 10 + text.length,
  text,
});

describe('answer as text', () => {
  it('names document, date and section path, and quotes the passage as it reads', () => {
    expect(referenceLine(citation(2, 'The government\nfunded **shelters**.'))).toBe('[2] 2025 TIP Report (2025) › Protection › Shelters: "The government funded shelters."');
    expect(referenceLine(citation(1, 'x', null))).toBe('[1] 2025 TIP Report › Protection › Shelters: "x"');
  });

  it('puts the references after the answer, one per citation', () => {
    const text = answerAsText({ answer: 'Shelters are funded [1].', citations: [citation(1, 'A.'), citation(2, 'B.')], related: [], grounded: true });
    expect(text).toBe('Shelters are funded [1].\n\nReferences:\n[1] 2025 TIP Report (2025) › Protection › Shelters: "A."\n[2] 2025 TIP Report (2025) › Protection › Shelters: "B."');
  });

  it('labels the nearest passages of a refusal as reading, not as an answer', () => {
    const text = answerAsText({ answer: 'The documents do not say.', citations: [], related: [citation(1, 'Near.')], grounded: false });
    expect(text).toContain('Nearest passages (reading, not an answer):\n[1]');
    expect(text).not.toContain('References:');
    expect(referencesBlock([])).toBe('');
  });
});

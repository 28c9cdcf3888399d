import { describe, expect, it } from 'vitest';
import { baseForms } from './morphy.ts';

describe('baseForms', () => {
  it('gives the base forms an inflection may come from', () => {
    expect(baseForms('shelters')).toContain('shelter');
    expect(baseForms('identified')).toContain('identify');
    expect(baseForms('churches')).toContain('church');
    expect(baseForms('working')).toContain('work');
  });

  it('never gives the word itself, nor strips a short word bare', () => {
    expect(baseForms('is')).toEqual([]);
    expect(baseForms('work')).not.toContain('work');
  });
});

import { describe, expect, it } from 'vitest';
import { factsOf } from './facts.ts';

const lookup = { categoriesOf: (w: string): string[] => ({ shelter: ['place'], police: ['organization'] })[w] ?? [] };
const holds = (text: string): string[] => Object.entries(factsOf(text, lookup)).filter(([, v]) => v).map(([k]) => k);

describe('factsOf', () => {
  it('finds figures, but not a year or a section number alone', () => {
    expect(holds('Police identified 97 victims.')).toContain('number');
    expect(holds('Sixteen measures are new.')).toContain('number');
    expect(holds('In 2024, section 257 applied.')).not.toContain('number');
  });

  it('finds dates, durations and contacts', () => {
    expect(holds('In June 2005 the plan began.')).toContain('date');
    expect(holds('It is valid for six months.')).toContain('duration');
    expect(holds('Call (+47) 22 33 11 60 at any time.')).toContain('contact');
  });

  it('finds actors and places by name or by what a word names', () => {
    expect(holds('The police will help.')).toContain('actor');
    expect(holds('A shelter is open.')).toContain('place');
  });

  it('finds the shapes of definitions, procedures, reasons and conditions', () => {
    expect(holds('A period of reflection is a residence permit.')).toContain('definition');
    expect(holds('You can apply for asylum.')).toContain('procedure');
    expect(holds('It is hard because evidence is scarce.')).toContain('reason');
    expect(holds('You qualify only if you cooperate.')).toContain('condition');
  });
});

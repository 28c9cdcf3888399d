import { describe, expect, it } from 'vitest';
import { findAcronyms } from './acronyms.ts';

describe('findAcronyms', () => {
  it('takes the capitalised name before a bracketed acronym, as far as its initials reach', () => {
    expect(findAcronyms('According to the International Labour Organisation (ILO), many are forced.')).toEqual([{ short: 'ILO', long: 'International Labour Organisation' }]);
    expect(findAcronyms('While KOM and the Ministry of Justice and Public Security (MOJ) met.')).toEqual([{ short: 'MOJ', long: 'Ministry of Justice and Public Security' }]);
  });

  it('takes a name in another language than its acronym whole', () => {
    expect(findAcronyms('The Coordination Unit for Victims of Trafficking (KOM) published guidelines.')).toEqual([{ short: 'KOM', long: 'Coordination Unit for Victims of Trafficking' }]);
  });

  it('reads "ACR (Name)" too, but not a bracketed note', () => {
    expect(findAcronyms('PION (Organisation for prostitutes in Norway) and ROSA (external website)')).toEqual([{ short: 'PION', long: 'Organisation for prostitutes in Norway' }]);
  });
});

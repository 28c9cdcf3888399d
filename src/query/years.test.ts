import { describe, expect, it } from 'vitest';
import { yearsIn } from './years.ts';

describe('yearsIn', () => {
  it('finds each year once, and no other four-digit number', () => {
    expect(yearsIn('In 2006 and 2009 (2006–2009), 1999, 3000 calls, 20245')).toEqual(['2006', '2009', '1999']);
    expect(yearsIn('Section 1885 applies from 1885.')).toEqual(['1885']);
  });
});

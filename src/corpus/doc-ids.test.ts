import { describe, expect, it } from 'vitest';
import { unknownDocIds } from './doc-ids.ts';

describe('unknownDocIds', () => {
  const known = ['tip-2006', 'udi-victims'];

  it('is null when every id asked for is known, or none is', () => {
    expect(unknownDocIds(['udi-victims'], known)).toBeNull();
    expect(unknownDocIds(undefined, known)).toBeNull();
    expect(unknownDocIds([], known)).toBeNull();
  });

  it('names the unknown ids, quoted and cut to 60 characters, and the known ones', () => {
    expect(unknownDocIds(['tip-2006', 'nope', 'x'.repeat(100)], known)).toBe(`unknown document id(s) "nope", "${'x'.repeat(60)}"; known: tip-2006, udi-victims`);
  });
});

import { describe, expect, it } from 'vitest';
import { ClaimGate, isConnective, passageBacks, splitClaims } from './claims.ts';

const PASSAGES: Record<number, string> = {
  1: 'A period of reflection is a residence permit that is valid for six months.',
  2: 'Shelters run by NGOs offer a safe place to stay.',
};
const gate = (): ClaimGate => new ClaimGate((n) => PASSAGES[n]);
const run = (pieces: string[]): { shown: string[]; gate: ClaimGate } => {
  const g = gate();
  const shown = pieces.map((p) => g.push(p));
  shown.push(g.flush());
  return { shown, gate: g };
};

describe('splitClaims', () => {
  it('splits at sentence ends and line breaks, not at "no. 7" or "cf. section"', () => {
    const text = 'Measure no. 7 extends it [1]. Buying sex is banned, cf. section 202 [2].\n- A list item';
    expect(splitClaims(text).map((c) => c.body)).toEqual(['Measure no. 7 extends it [1].', 'Buying sex is banned, cf. section 202 [2].', '- A list item']);
  });

  it('reads a marker after the full stop as part of that sentence', () => {
    expect(splitClaims('Eight cases were tried. [1] Victims can stay.').map((c) => c.body)).toEqual(['Eight cases were tried. [1]', 'Victims can stay.']);
  });
});

describe('isConnective', () => {
  it('tells an intro or a short connective from a claim', () => {
    expect(isConnective('The documents say:')).toBe(true);
    expect(isConnective('In short, yes.')).toBe(true);
    expect(isConnective('Sixty were helped.')).toBe(false);
    expect(isConnective('Victims may stay in Norway for as long as they like.')).toBe(false);
    expect(isConnective('They get a castle [9].')).toBe(false);
  });
});

describe('passageBacks', () => {
  it('needs every figure of the claim in the passage, written either way', () => {
    expect(passageBacks('The reflection period lasts 6 months [1].', PASSAGES[1] ?? '')).toBe(true);
    expect(passageBacks('The reflection period lasts 12 months [1].', PASSAGES[1] ?? '')).toBe(false);
  });

  it('needs a word in common', () => {
    expect(passageBacks('Castles are free [1].', PASSAGES[1] ?? '')).toBe(false);
  });
});

describe('ClaimGate', () => {
  it('releases a claim only once it is complete, with its marker renumbered', () => {
    const { shown } = run(['Victims get a reflection ', 'period of six months [1]', '. Shelters ', 'offer a safe place [2].']);
    expect(shown).toEqual(['', '', 'Victims get a reflection period of six months [1].', '', ' Shelters offer a safe place [2].']);
  });

  it('numbers citations by first release, leaving no gap for a claim left out', () => {
    const { gate: g } = run(['A castle is given to each victim [2]. Shelters offer a safe place [2]. The permit is valid for six months [1].']);
    expect(g.text).toBe('Shelters offer a safe place [1]. The permit is valid for six months [2].');
    expect([...g.numbering]).toEqual([[2, 1], [1, 2]]);
    expect(g.removed).toBe(1);
  });

  it('keeps intros and connectives, and leaves out uncited facts, keeping paragraph breaks', () => {
    const { gate: g } = run(['The documents say:\nThe permit is valid for six months [1]. Victims can stay in Norway forever.\n\nShelters offer a safe place [2].']);
    expect(g.text).toBe('The documents say:\nThe permit is valid for six months [1].\n\nShelters offer a safe place [2].');
  });

  it('drops a marker whose passage does not back the claim, keeping the one that does', () => {
    const { gate: g } = run(['The permit is valid for six months [1][2].']);
    expect(g.text).toBe('The permit is valid for six months [1].');
  });

  it('leaves out a last claim whose marker the stream cut off', () => {
    const g = gate();
    g.push('The permit is valid for six months [1]. More ');
    expect(g.flush(true)).toBe('');
    expect(g.text).toBe('The permit is valid for six months [1].');
  });
});

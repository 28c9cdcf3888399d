import { describe, expect, it } from 'vitest';
import { asksAsSelf, speaksToReader } from './person.ts';

describe('asksAsSelf', () => {
  it('tells a first-person question from one about others', () => {
    expect(asksAsSelf('How do I apply for a reflection period?')).toBe(true);
    expect(asksAsSelf("What if I've already applied?")).toBe(true);
    expect(asksAsSelf('My permit ends soon; what can i do?')).toBe(true);
    expect(asksAsSelf('What does Article I of the convention say? Was Norway in Tier I?')).toBe(false);
    expect(asksAsSelf('How do victims apply for a reflection period?')).toBe(false);
  });
});

describe('speaksToReader', () => {
  it('finds text written to "you"', () => {
    expect(speaksToReader('You must meet in person at your local police station.')).toBe(true);
    expect(speaksToReader('Victims must meet in person at the police station.')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { askedFact } from './asks.ts';

const lookup = { categoriesOf: (w: string): string[] => ({ ministry: ['organization'], city: ['place'] })[w.toLowerCase()] ?? [] };

describe('askedFact', () => {
  it.each([
    ['How many victims were identified?', 'number'],
    ['How long is the reflection period?', 'duration'],
    ['When was the plan adopted?', 'date'],
    ['Who signed the foreword?', 'actor'],
    ['Which ministry is responsible?', 'actor'],
    ['Where can I stay?', 'place'],
    ['Which city is the shelter in?', 'place'],
    ['who do i call', 'contact'],
    ['Why are cases hard to prosecute?', 'reason'],
    ['Under what conditions can a child be returned?', 'condition'],
    ['How do I apply for asylum?', 'procedure'],
    ['What is a reflection period?', 'definition'],
    ['How is procuring defined in the law?', 'definition'],
    ['What are the main goals of the plan?', 'list'],
  ])('reads "%s" as asking for a %s', (question, kind) => {
    expect(askedFact(question, lookup)).toBe(kind);
  });

  it('reads a relative "who" as no question word', () => {
    expect(askedFact('Can a victim who was tricked get a permit', lookup)).not.toBe('actor');
  });

  it('asks for nothing in particular in a bare topic', () => {
    expect(askedFact('shelters', lookup)).toBeNull();
  });
});

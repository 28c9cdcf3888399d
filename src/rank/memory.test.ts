import { describe, expect, it } from 'vitest';
import { learnAssociations, QuestionMemory, type MemoryEntry } from './memory.ts';

const idf = (): number => 1;
const entry = (terms: string[], vector: number[], gold: MemoryEntry['gold']): MemoryEntry => ({ terms, vector, gold });

describe('QuestionMemory.recall', () => {
  const memory = new QuestionMemory(
    [
      entry(['reflect', 'period', 'long'], [1, 0], [{ docId: 'udi', start: 10, end: 20 }]),
      entry(['shelter', 'place'], [0, 1], [{ docId: 'udi', start: 50, end: 60 }]),
      entry(['weather', 'oslo'], [0.7, 0.7], []),
    ],
    new Map(),
    { neighbours: 1 },
  );

  it('finds the nearest answered question by words and by meaning', () => {
    const recall = memory.recall(['reflect', 'period'], [0.1, 1], idf);
    expect(recall.lexical[0]?.entry.terms).toContain('reflect');
    expect(recall.dense[0]?.entry.terms).toContain('shelter');
  });

  it('finds nothing near by meaning for a zero vector (a runtime without the model), still by words', () => {
    const recall = memory.recall(['reflect', 'period'], [0, 0], idf);
    expect(recall.dense).toEqual([]);
    expect(recall.refused.dense).toBe(0);
    expect(recall.lexical[0]?.entry.terms).toContain('reflect');
  });

  it('keeps questions the documents do not answer apart, as how near a refusal is', () => {
    const recall = memory.recall(['weather', 'oslo'], [0.7, 0.7], idf);
    expect(recall.lexical.every((n) => n.entry.gold.length > 0)).toBe(true);
    expect(recall.refused.lexical).toBeCloseTo(1);
    expect(recall.refused.dense).toBeCloseTo(1);
  });
});

describe('QuestionMemory.support', () => {
  it('is the similarity of the nearest neighbour whose answer overlaps the passage', () => {
    const neighbours = [
      { entry: entry([], [1], [{ docId: 'd', start: 0, end: 10 }]), similarity: 0.9 },
      { entry: entry([], [1], [{ docId: 'd', start: 5, end: 30 }]), similarity: 0.6 },
    ];
    expect(QuestionMemory.support(neighbours, { docId: 'd', start: 20, end: 40 })).toBe(0.6);
    expect(QuestionMemory.support(neighbours, { docId: 'e', start: 0, end: 40 })).toBe(0);
  });
});

describe('learnAssociations', () => {
  it('pairs question words with answer words seen together more than by chance', () => {
    const pairs = [
      { question: ['prison'], answer: new Set(['sentenc', 'year']) },
      { question: ['prison'], answer: new Set(['sentenc', 'court']) },
      { question: ['prison'], answer: new Set(['sentenc']) },
      { question: ['shelter'], answer: new Set(['year']) },
    ];
    const table = learnAssociations(pairs, () => 0.1);
    expect(table.get('prison')?.get('sentenc')).toBeGreaterThan(0.4);
    // Seen with "prison" once only: an accident, not an association.
    expect(table.get('prison')?.has('court')).toBe(false);
    expect(table.has('shelter')).toBe(false);
  });
});

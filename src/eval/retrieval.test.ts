import { describe, expect, it } from 'vitest';
import { scoreRetrieval } from './retrieval.ts';

const span = (start: number, end: number, docId = 'd') => ({ docId, start, end });

describe('scoreRetrieval', () => {
  it('counts a hit only when a result overlaps at least half of the gold span', () => {
    const gold = [span(100, 200)];
    expect(scoreRetrieval([{ kind: 'fact', gold, results: [span(160, 400)] }]).recallAt1).toBe(0);
    expect(scoreRetrieval([{ kind: 'fact', gold, results: [span(150, 400)] }]).recallAt1).toBe(1);
  });

  it('needs every gold span covered for multi-document questions', () => {
    const gold = [span(0, 10, 'a'), span(0, 10, 'b')];
    expect(scoreRetrieval([{ kind: 'multi-doc', gold, results: [span(0, 10, 'a')] }]).recallAt5).toBe(0);
    expect(scoreRetrieval([{ kind: 'multi-doc', gold, results: [span(0, 10, 'a'), span(0, 10, 'b')] }]).recallAt5).toBe(1);
  });

  it('computes the reciprocal rank of the first covering result', () => {
    const scores = scoreRetrieval([{ kind: 'fact', gold: [span(0, 10)], results: [span(50, 60), span(0, 10)] }]);
    expect(scores.mrr).toBe(0.5);
    expect(scores.recallAt5).toBe(1);
    expect(scores.recallAt1).toBe(0);
  });
});

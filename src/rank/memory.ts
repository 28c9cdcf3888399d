/**
 * @module Question memory: the training questions and the passages that answer them. A new question
 * that reads like one asked before is likely answered by the same passage, and words that keep
 * appearing in questions answered by passages with other words ("prison" → "sentences") bridge the
 * gap between how people ask and how the documents say it. Learned from the train split only.
 */
import type { Passage } from '../index/passages.ts';

export interface MemorySpan {
  docId: string;
  start: number;
  end: number;
}

export interface MemoryEntry {
  /** Index terms of the question and its conversation. */
  terms: ReadonlyArray<string>;
  /** The question's embedding, by the index's embedder. */
  vector: ArrayLike<number>;
  /** Where its answer is; empty for a question the documents do not answer. */
  gold: ReadonlyArray<MemorySpan>;
}

/** Question term → passage term → how much likelier the passage term is in answers to questions using it. */
export type Associations = ReadonlyMap<string, ReadonlyMap<string, number>>;

export interface Neighbour {
  entry: MemoryEntry;
  similarity: number;
}

export interface MemoryOptions {
  /** Neighbours kept per similarity (default 3: chosen on validation among 1, 2, 3, 5, 10). */
  neighbours: number;
}

export const defaultMemoryOptions: MemoryOptions = { neighbours: 3 };

/** The nearest questions of the memory, by words and by meaning. */
export interface Recall {
  lexical: Neighbour[];
  dense: Neighbour[];
  /** Similarity of the nearest question the documents were known not to answer, by words and by meaning. */
  refused: { lexical: number; dense: number };
}

/** Terms weighted by IDF and scaled to unit length, for cosine similarity. */
function unitWeights(terms: ReadonlyArray<string>, idf: (term: string) => number): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, idf(t));
  const n = Math.hypot(...m.values()) || 1;
  for (const [t, w] of m) m.set(t, w / n);
  return m;
}

export class QuestionMemory {
  private readonly options: MemoryOptions;
  /** Per entry, its weighted terms, worked out on first recall (the IDF is the index's). */
  private weighted: Array<Map<string, number>> | undefined;
  private readonly norms: number[];

  constructor(
    readonly entries: ReadonlyArray<MemoryEntry>,
    readonly associations: Associations,
    options: Partial<MemoryOptions> = {},
  ) {
    this.options = { ...defaultMemoryOptions, ...options };
    this.norms = entries.map((e) => Math.hypot(...Array.from(e.vector)));
  }

  static empty(): QuestionMemory {
    return new QuestionMemory([], new Map());
  }

  /**
   * The questions nearest to one with these terms and this vector: by IDF-weighted cosine of their
   * terms, and by cosine of their embeddings.
   */
  recall(terms: ReadonlyArray<string>, vector: ArrayLike<number>, idf: (term: string) => number): Recall {
    this.weighted ??= this.entries.map((e) => unitWeights(e.terms, idf));
    const own = unitWeights(terms, idf);
    const norm = Math.hypot(...Array.from(vector));
    const lexical: Neighbour[] = [];
    const dense: Neighbour[] = [];
    const refused = { lexical: 0, dense: 0 };
    this.entries.forEach((entry, i) => {
      const theirs = this.weighted?.[i];
      let lexicalSimilarity = 0;
      for (const [t, w] of own) lexicalSimilarity += w * (theirs?.get(t) ?? 0);
      let dot = 0;
      for (let d = 0; d < vector.length; d++) dot += (vector[d] as number) * (entry.vector[d] as number);
      const denseSimilarity = norm > 0 ? dot / (norm * (this.norms[i] || 1)) : 0;
      if (!entry.gold.length) {
        refused.lexical = Math.max(refused.lexical, lexicalSimilarity);
        refused.dense = Math.max(refused.dense, denseSimilarity);
        return;
      }
      lexical.push({ entry, similarity: lexicalSimilarity });
      // Without a query vector (a runtime without the model) nothing is near by meaning.
      if (norm > 0) dense.push({ entry, similarity: denseSimilarity });
    });
    const best = (list: Neighbour[]): Neighbour[] => list.sort((a, b) => b.similarity - a.similarity).slice(0, this.options.neighbours);
    return { lexical: best(lexical), dense: best(dense), refused };
  }

  /** The highest similarity among `neighbours` whose answer overlaps the passage (0 if none does). */
  static support(neighbours: ReadonlyArray<Neighbour>, passage: Pick<Passage, 'docId' | 'start' | 'end'>): number {
    let best = 0;
    for (const n of neighbours) {
      if (n.entry.gold.some((g) => g.docId === passage.docId && g.start < passage.end && passage.start < g.end)) best = Math.max(best, n.similarity);
    }
    return best;
  }
}

export interface AssociationOptions {
  /** Pseudo-count added to a question term's count, so a term seen in one question says little (default 2). */
  smoothing: number;
  /** The fewest questions that must pair two terms (default 2: one pairing is an accident). */
  minPairs: number;
  /** The least gain over the passage term's background rate that counts (default 0.05). */
  minStrength: number;
}

export const defaultAssociationOptions: AssociationOptions = { smoothing: 2, minPairs: 2, minStrength: 0.05 };

/**
 * Learns associations from (question terms, answer terms) pairs: P(answer has g | question has q),
 * smoothed, minus g's background rate among all sentences. Identical terms are left out: the
 * coverage features count those.
 */
export function learnAssociations(
  pairs: ReadonlyArray<{ question: ReadonlyArray<string>; answer: ReadonlySet<string> }>,
  backgroundRate: (term: string) => number,
  options: Partial<AssociationOptions> = {},
): Map<string, Map<string, number>> {
  const opts = { ...defaultAssociationOptions, ...options };
  const questions = new Map<string, number>();
  const together = new Map<string, Map<string, number>>();
  for (const { question, answer } of pairs) {
    for (const q of new Set(question)) {
      questions.set(q, (questions.get(q) ?? 0) + 1);
      const row = together.get(q) ?? new Map<string, number>();
      for (const g of answer) if (g !== q) row.set(g, (row.get(g) ?? 0) + 1);
      together.set(q, row);
    }
  }
  const table = new Map<string, Map<string, number>>();
  for (const [q, row] of together) {
    const n = questions.get(q) ?? 0;
    const kept = new Map<string, number>();
    for (const [g, count] of row) {
      if (count < opts.minPairs) continue;
      const strength = count / (n + opts.smoothing) - backgroundRate(g);
      if (strength >= opts.minStrength) kept.set(g, Number(strength.toFixed(4)));
    }
    if (kept.size) table.set(q, kept);
  }
  return table;
}

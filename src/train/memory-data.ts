/** @module Building a question memory and its associations from labelled examples (training, and cross-fitting within it). */
import type { DocSpan } from '../corpus/locate.ts';
import type { CorpusFacts } from '../rank/corpus-facts.ts';
import { learnAssociations, QuestionMemory, type MemoryEntry } from '../rank/memory.ts';
import type { Sentence } from '../types.ts';

export interface Remembered {
  id: string;
  terms: ReadonlyArray<string>;
  vector: ArrayLike<number>;
  gold: ReadonlyArray<DocSpan>;
}

/** The terms of the sentences a question's gold quotes touch: what its answer says. */
function answerTerms(gold: ReadonlyArray<DocSpan>, sentences: ReadonlyArray<Sentence>, facts: CorpusFacts): Set<string> {
  const out = new Set<string>();
  for (const s of sentences) {
    if (!gold.some((g) => g.docId === s.docId && s.start < g.end && g.start < s.end)) continue;
    for (const t of facts.sentenceTerms[s.id] ?? []) out.add(t);
  }
  return out;
}

/** A memory of every item: answerable ones with where their answers are, the others as known refusals. */
export function buildMemory(items: ReadonlyArray<Remembered>, facts: CorpusFacts): QuestionMemory {
  const answerable = items.filter((i) => i.gold.length > 0);
  const entries: MemoryEntry[] = items.map((i) => ({ terms: i.terms, vector: i.vector, gold: i.gold }));
  const sentences = facts.index.sentences;
  const associations = learnAssociations(
    answerable.map((i) => ({ question: i.terms, answer: answerTerms(i.gold, sentences, facts) })),
    (term) => backgroundRate(term, facts),
  );
  return new QuestionMemory(entries, associations);
}

/** The share of the corpus's sentences that use `term`. */
function backgroundRate(term: string, facts: CorpusFacts): number {
  return facts.sentenceFrequency(term) / (facts.index.sentences.length || 1);
}

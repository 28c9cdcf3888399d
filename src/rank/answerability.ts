/**
 * @module The answer check: does the best evidence give what the question asks for (the asked-for
 * kind of fact, every year and name the question sets) and how sure is the ranking? Question-level
 * features for one calibrated decision (a learned model and a threshold chosen on validation).
 */
import type { Question } from '../query/analyse.ts';
import { terms } from '../text/terms.ts';
import type { CorpusFacts } from './corpus-facts.ts';
import { bestPerDocument, nonOverlapping } from './diversify.ts';
import { FEATURES, mentioned, type FeatureName } from './features.ts';
import type { Recall } from './memory.ts';
import type { LinearModel } from './model.ts';
import type { RankedPassage } from './ranker.ts';

export const ANSWER_FEATURES = [
  'top_score',
  'top_gap',
  'top_share',
  'top_cov_text',
  'top_cov_sentence',
  'top_cov_lexicon',
  'top_dense',
  'top_missing_rare',
  'asks_any',
  'asks_met_top',
  'asks_met_top3',
  'years_asked',
  'years_met_top',
  'years_met_top5',
  'names_asked',
  'names_met_top',
  'names_met_top5',
  'unknown_share',
  'term_count',
  'defines_top3',
  'doc_named_top',
  'memory_lexical_best',
  'memory_dense_best',
  'top_memory',
  'memory_refused_lexical',
  'memory_refused_dense',
  'translated',
] as const;

export type AnswerFeatureName = (typeof ANSWER_FEATURES)[number];

const at = (name: FeatureName): number => FEATURES.indexOf(name);
const feature = (r: RankedPassage | undefined, name: FeatureName): number => r?.features[at(name)] ?? 0;

/** How many of the best passages the check looks through for a year or a name (5: a screenful). */
const CONSTRAINT_WINDOW = 5;

export interface AnswerCheck {
  features: number[];
  /** What the evidence lacks, for telling the reader why there is no answer. */
  missing: { names: string[]; years: string[]; asked: boolean; unknownWords: string[] };
  /**
   * A constraint the question sets (a year, a name) that none of the best passages meets, in their
   * text, section titles, document title or the years the document covers: the documents answer some
   * other question.
   */
  vetoed: boolean;
}

/** Every word the passages say or stand under (their text, section titles and document titles), and the years their documents cover. */
function saidBy(shown: ReadonlyArray<RankedPassage>, facts: CorpusFacts): { words: Set<string>; years: Set<string> } {
  const words = new Set<string>();
  const years = new Set<string>();
  for (const r of shown) {
    for (const id of r.passage.sentenceIds) for (const t of facts.sentenceTokens[id] ?? []) words.add(t);
    for (const t of facts.sectionTokensOf(r.passage)) words.add(t);
    const doc = facts.documents.get(r.passage.docId);
    for (const t of doc?.titleTokens ?? []) words.add(t);
    for (const y of doc?.years ?? []) years.add(y);
  }
  return { words, years };
}

/** Question-level features from the ranked passages. */
export function checkAnswer(question: Question, ranked: ReadonlyArray<RankedPassage>, recall: Recall | null, facts: CorpusFacts): AnswerCheck {
  const shown = nonOverlapping(ranked, CONSTRAINT_WINDOW);
  const [best, second] = shown;
  const maxOf = (name: FeatureName, n: number): number => Math.max(0, ...shown.slice(0, n).map((r) => feature(r, name)));
  const yearsMet = (r: RankedPassage | undefined): number => feature(r, 'year_in_passage') + feature(r, 'year_in_document');
  // A question naming several documents is answered from each, so each one's best passage counts.
  const perDocument = bestPerDocument(ranked);
  const named = [...question.mentions.strengths].filter(([, s]) => s >= 1).flatMap(([id]) => perDocument.get(id) ?? []);
  const said = saidBy([...shown, ...named], facts);
  const missingYears = question.years.filter((y) => !said.words.has(y) && !said.years.has(y));
  const missingNames = question.names.filter((n) => !mentioned(n, said.words));
  const reached = new Set(question.expansions.filter((e) => facts.knows(e.term)).flatMap((e) => terms(e.from)));
  const unknown = question.terms.filter((t) => !facts.knows(t) && !reached.has(t));
  const totalIdf = question.terms.reduce((s, t) => s + facts.idf(t), 0) || 1;
  // How peaked the ranking is: the best passage's share of the softmax over every candidate, the
  // distribution the ranker was trained on.
  const topScore = ranked[0]?.score ?? 0;
  const mass = ranked.reduce((sum, r) => sum + Math.exp(r.score - topScore), 0) || 1;
  const values: Record<AnswerFeatureName, number> = {
    top_score: best?.score ?? 0,
    top_share: best ? Math.exp(best.score - topScore) / mass : 0,
    top_gap: best && second ? best.score - second.score : 0,
    top_cov_text: feature(best, 'cov_text'),
    top_cov_sentence: feature(best, 'cov_sentence'),
    top_cov_lexicon: feature(best, 'cov_synonym') + feature(best, 'cov_derivation'),
    top_dense: feature(best, 'dense'),
    top_missing_rare: best ? feature(best, 'missing_rare') : 1,
    asks_any: question.asks ? 1 : 0,
    asks_met_top: feature(best, 'asks_met'),
    asks_met_top3: maxOf('asks_met', 3),
    years_asked: question.years.length ? 1 : 0,
    years_met_top: yearsMet(best),
    years_met_top5: question.years.length ? 1 - missingYears.length / question.years.length : 0,
    names_asked: question.names.length ? 1 : 0,
    names_met_top: feature(best, 'names_met'),
    names_met_top5: question.names.length ? 1 - missingNames.length / question.names.length : 0,
    unknown_share: unknown.reduce((s, t) => s + facts.idf(t), 0) / totalIdf,
    term_count: Math.log(1 + question.terms.length),
    defines_top3: maxOf('defines_subject', 3),
    doc_named_top: feature(best, 'doc_named'),
    memory_lexical_best: recall?.lexical[0]?.similarity ?? 0,
    memory_dense_best: recall?.dense[0]?.similarity ?? 0,
    top_memory: Math.max(feature(best, 'memory_lexical'), feature(best, 'memory_dense')),
    memory_refused_lexical: recall?.refused.lexical ?? 0,
    memory_refused_dense: recall?.refused.dense ?? 0,
    // A translation's words match passages a native question's would not (a glossary gives a word
    // several senses), so how far to trust the same coverage is learned per language.
    translated: question.translated ? 1 : 0,
  };
  return {
    features: ANSWER_FEATURES.map((name) => values[name]),
    missing: { names: missingNames, years: missingYears, asked: question.asks !== null && values.asks_met_top3 === 0, unknownWords: unknown },
    vetoed: missingNames.length > 0 || missingYears.length > 0,
  };
}

export interface AnswerDecision {
  answerable: boolean;
  /** The model's probability that the documents answer the question. */
  probability: number;
  check: AnswerCheck;
}

/** Answers when no constraint is unmet and the calibrated probability reaches the threshold chosen on validation (see weights.json). */
export function decide(check: AnswerCheck, model: LinearModel, threshold: number): AnswerDecision {
  const probability = model.probability(check.features);
  return { answerable: !check.vetoed && probability >= threshold, probability, check };
}

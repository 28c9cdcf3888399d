/**
 * @module Features of a (question, passage) pair: general properties only (coverage, BM25 per field,
 * dense similarity, whether the passage holds what is asked, document named or recent, kind and
 * position). The learned model (model.ts) weighs them; nothing here is tuned to any question.
 */
import type { Passage } from '../index/passages.ts';
import type { Question } from '../query/analyse.ts';
import { bigramsOf, terms } from '../text/terms.ts';
import type { CorpusFacts } from './corpus-facts.ts';
import { QuestionMemory, type Associations, type Recall } from './memory.ts';

/** Feature names, in vector order. The saved model names them too, so a mismatch is caught at load. */
export const FEATURES = [
  'cov_text',
  'cov_sentence',
  'cov_synonym',
  'cov_derivation',
  'cov_section',
  'cov_title',
  'cov_context',
  'cov_neighbourhood',
  'bigrams',
  'missing_rare',
  'bm25_text',
  'bm25_expansion',
  'bm25_context',
  'bm25_section',
  'bm25_title',
  'dense',
  'dense_gap',
  'sentences_2',
  'sentences_3plus',
  'log_length',
  'kind_list',
  'kind_table',
  'kind_sidebar',
  'kind_footnote',
  'kind_caption',
  'kind_preamble',
  'opens_section',
  'asks_met',
  'asks_missed',
  'defines_subject',
  'doc_named',
  'doc_other_named',
  'recency',
  'recency_now',
  'undated_now',
  'year_in_passage',
  'year_in_document',
  'year_missing',
  'names_met',
  'names_missing',
  'to_reader',
  'to_reader_first_person',
  'association',
  'memory_lexical',
  'memory_dense',
] as const;

export type FeatureName = (typeof FEATURES)[number];


/** What is worked out once per question, for every passage. */
export interface QuestionProfile {
  question: Question;
  /** [term, idf] of the question's own terms. */
  weighted: ReadonlyArray<readonly [string, number]>;
  totalIdf: number;
  contextWeighted: ReadonlyArray<readonly [string, number]>;
  contextIdf: number;
  /** Consecutive pairs of the question's terms. */
  bigrams: ReadonlySet<string>;
  /** Per own term, the corpus terms that reach it through a synonym, or through a derivation or acronym. */
  synonymsOf: ReadonlyMap<string, ReadonlySet<string>>;
  derivationsOf: ReadonlyMap<string, ReadonlySet<string>>;
  associations: Associations;
  /** Whether a passage defines the question's subject (null when it names none). */
  definesSubject: ((passage: string) => boolean) | null;
}

/** BM25 per field of one question, relative to the field's best. */
export type KeywordSignals = Readonly<Record<'text' | 'expansion' | 'context' | 'section' | 'title', (passageId: number) => number>>;

/** What the query vector gives: sentence similarity, and the remembered questions nearest to this one. */
export interface DenseSignals {
  /** Cosine of the query and each sentence scored. */
  similarity: (sentenceId: number) => number;
  bestSimilarity: number;
  /** Null without a memory. */
  recall: Recall | null;
}

export function profileQuestion(question: Question, facts: CorpusFacts, associations: Associations = new Map()): QuestionProfile {
  const weighted = question.terms.map((t) => [t, facts.idf(t)] as const);
  const contextWeighted = question.contextTerms.map((t) => [t, facts.idf(t)] as const);
  const synonymsOf = new Map<string, Set<string>>();
  const derivationsOf = new Map<string, Set<string>>();
  for (const e of question.expansions) {
    const target = e.kind === 'synonym' ? synonymsOf : derivationsOf;
    for (const source of terms(e.from)) {
      const set = target.get(source) ?? new Set<string>();
      set.add(e.term);
      target.set(source, set);
    }
  }
  return {
    question,
    weighted,
    totalIdf: weighted.reduce((s, [, w]) => s + w, 0) || 1,
    contextWeighted,
    contextIdf: contextWeighted.reduce((s, [, w]) => s + w, 0) || 1,
    bigrams: bigramsOf(terms(question.text)),
    synonymsOf,
    derivationsOf,
    associations,
    definesSubject: question.subject !== null ? definitionOf(question.subject) : null,
  };
}

/** Share of the question's IDF mass, among terms the passage lacks, that a learned association reaches. */
function associated(profile: QuestionProfile, own: ReadonlySet<string>): number {
  let mass = 0;
  for (const [q, w] of profile.weighted) {
    if (own.has(q)) continue;
    const row = profile.associations.get(q);
    if (!row) continue;
    let best = 0;
    // Whichever side is shorter is walked: a common term's row is long, a passage's terms are few.
    if (row.size < own.size) {
      for (const [g, strength] of row) if (strength > best && own.has(g)) best = strength;
    } else {
      for (const g of own) best = Math.max(best, row.get(g) ?? 0);
    }
    mass += w * best;
  }
  return mass / profile.totalIdf;
}

/** Whether `word` is among `tokens`, or shares its first five letters with one ("Norwegian" ~ "Norway"). */
export function mentioned(word: string, tokens: ReadonlySet<string>): boolean {
  if (tokens.has(word)) return true;
  if (word.length < 5 || /^\d/.test(word)) return false;
  const stem = word.slice(0, 5);
  for (const t of tokens) if (t.startsWith(stem)) return true;
  return false;
}

/** A test of whether a passage defines `subject`: "X is …", "X means …", "X – …", "called X". Built once per question. */
export function definitionOf(subject: string): (passage: string) => boolean {
  const term = subject.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
  const after = new RegExp(`(?<![\\p{L}\\p{N}])${term}['’”"]?\\s*(?:\\([^)]*\\)\\s*)?,?\\s*(?:is|are|was|were|means|refers to|[–—:])\\s`, 'iu');
  const before = new RegExp(`\\b(?:called|known as|term|word|defined as|referred to as)\\s+['‘“"]?${term}(?![\\p{L}\\p{N}])`, 'iu');
  return (passage) => after.test(passage) || before.test(passage);
}

/** The features that need the query vector; the others are worked out while the question is embedded. */
const DENSE_FEATURES = ['dense', 'dense_gap', 'memory_lexical', 'memory_dense'] as const satisfies ReadonlyArray<FeatureName>;
type DenseFeatureName = (typeof DENSE_FEATURES)[number];
const DENSE_AT = DENSE_FEATURES.map((name) => FEATURES.indexOf(name));

/** Each feature's place in the vector. */
const AT = Object.fromEntries(FEATURES.map((name, i) => [name, i])) as Record<FeatureName, number>;

/** Whether any of `reaching` (corpus terms a lexicon relates to a question term) is among the passage's terms. */
function reaches(reaching: ReadonlySet<string> | undefined, own: ReadonlySet<string>): boolean {
  if (reaching) for (const x of reaching) if (own.has(x)) return true;
  return false;
}

/**
 * The feature vector of one passage, in FEATURES order, without the features of the query vector
 * (left at 0 for `withDenseFeatures`): everything here can be worked out while the model embeds the
 * question. It runs for every candidate of every question, so the coverage shares are summed in one
 * pass over the question's terms and written straight into the vector.
 */
export function lexicalFeatures(profile: QuestionProfile, passage: Passage, text: string, facts: CorpusFacts, bm25: KeywordSignals): number[] {
  const { question, weighted, totalIdf } = profile;
  const own = facts.passageTerms[passage.id] ?? new Set<string>();
  const section = facts.sectionTermsOf(passage);
  const doc = facts.documents.get(passage.docId);
  const title = doc?.titleTerms ?? new Set<string>();
  const neighbourhood = facts.neighbourhoodTerms[passage.id] ?? own;
  // IDF mass of the question's terms: in the text, reached by a synonym or a derivation only, in the
  // section titles only, in the document title, around the passage; and the rarest term found nowhere.
  let inText = 0;
  let viaSynonym = 0;
  let viaDerivation = 0;
  let inSectionOnly = 0;
  let inTitle = 0;
  let inNeighbourhood = 0;
  let missingRare = 0;
  for (const [t, w] of weighted) {
    if (own.has(t)) inText += w;
    else {
      if (reaches(profile.synonymsOf.get(t), own)) viaSynonym += w;
      if (reaches(profile.derivationsOf.get(t), own)) viaDerivation += w;
      if (section.has(t)) inSectionOnly += w;
      else missingRare = Math.max(missingRare, facts.relativeIdf(t));
    }
    if (title.has(t)) inTitle += w;
    if (neighbourhood.has(t)) inNeighbourhood += w;
  }
  let bestSentence = 0;
  for (const id of passage.sentenceIds) {
    const terms = facts.sentenceTerms[id];
    let mass = 0;
    if (terms) for (const [t, w] of weighted) if (terms.has(t)) mass += w;
    bestSentence = Math.max(bestSentence, mass / totalIdf);
  }
  const holds = passage.facts;
  const asks = question.asks;
  const named = question.mentions.strengths;
  // Tokens are only needed for the years and names a question sets; most set none.
  const passageTokens = new Set<string>();
  if (question.years.length || question.names.length) for (const id of passage.sentenceIds) for (const t of facts.sentenceTokens[id] ?? []) passageTokens.add(t);
  const yearsInPassage = question.years.filter((y) => passageTokens.has(y)).length;
  const yearsInDoc = question.years.filter((y) => !passageTokens.has(y) && doc?.years.has(y)).length;
  const around = question.names.length ? new Set([...passageTokens, ...facts.sectionTokensOf(passage), ...(doc?.titleTokens ?? [])]) : passageTokens;
  const namesMet = question.names.filter((n) => mentioned(n, around)).length;
  const n = passage.sentenceIds.length;
  const kind = passage.kind;
  let bigrams = 0;
  for (const b of profile.bigrams) if (passage.sentenceIds.some((id) => facts.sentenceBigrams[id]?.has(b))) bigrams++;
  let context = 0;
  if (question.contextTerms.length) for (const [t, w] of profile.contextWeighted) if (own.has(t) || section.has(t)) context += w;

  const f = new Array<number>(FEATURES.length).fill(0);
  f[AT.cov_text] = inText / totalIdf;
  f[AT.cov_sentence] = bestSentence;
  f[AT.cov_synonym] = viaSynonym / totalIdf;
  f[AT.cov_derivation] = viaDerivation / totalIdf;
  f[AT.cov_section] = inSectionOnly / totalIdf;
  f[AT.cov_title] = inTitle / totalIdf;
  f[AT.cov_context] = context / profile.contextIdf;
  f[AT.cov_neighbourhood] = inNeighbourhood / totalIdf;
  f[AT.bigrams] = profile.bigrams.size ? bigrams / profile.bigrams.size : 0;
  f[AT.missing_rare] = missingRare;
  f[AT.bm25_text] = bm25.text(passage.id);
  f[AT.bm25_expansion] = bm25.expansion(passage.id);
  f[AT.bm25_context] = bm25.context(passage.id);
  f[AT.bm25_section] = bm25.section(passage.id);
  f[AT.bm25_title] = bm25.title(passage.id);
  f[AT.sentences_2] = n === 2 ? 1 : 0;
  f[AT.sentences_3plus] = n >= 3 ? 1 : 0;
  f[AT.log_length] = Math.log(1 + text.length) / Math.log(1000);
  f[AT.kind_list] = kind === 'list' ? 1 : 0;
  f[AT.kind_table] = kind === 'table' ? 1 : 0;
  f[AT.kind_sidebar] = kind === 'sidebar' ? 1 : 0;
  f[AT.kind_footnote] = kind === 'footnote' ? 1 : 0;
  f[AT.kind_caption] = kind === 'caption' ? 1 : 0;
  f[AT.kind_preamble] = kind === 'preamble' ? 1 : 0;
  f[AT.opens_section] = passage.opensSection ? 1 : 0;
  f[AT.asks_met] = asks !== null && holds.includes(asks) ? 1 : 0;
  f[AT.asks_missed] = asks !== null && !holds.includes(asks) ? 1 : 0;
  f[AT.defines_subject] = profile.definesSubject?.(text) ? 1 : 0;
  f[AT.doc_named] = named.get(passage.docId) ?? 0;
  f[AT.doc_other_named] = named.size > 0 && !named.has(passage.docId) ? 1 : 0;
  f[AT.recency] = doc?.recency ?? 0.5;
  f[AT.recency_now] = question.aboutNow ? (doc?.recency ?? 0.5) : 0;
  f[AT.undated_now] = question.aboutNow && doc && !doc.dated ? 1 : 0;
  f[AT.year_in_passage] = question.years.length ? yearsInPassage / question.years.length : 0;
  f[AT.year_in_document] = question.years.length ? yearsInDoc / question.years.length : 0;
  f[AT.year_missing] = question.years.length ? (question.years.length - yearsInPassage - yearsInDoc) / question.years.length : 0;
  f[AT.names_met] = question.names.length ? namesMet / question.names.length : 0;
  f[AT.names_missing] = question.names.length ? (question.names.length - namesMet) / question.names.length : 0;
  f[AT.to_reader] = passage.toReader ? 1 : 0;
  f[AT.to_reader_first_person] = passage.toReader && question.firstPerson ? 1 : 0;
  f[AT.association] = associated(profile, own);
  return f;
}

/** A passage's full feature vector: its lexical features (not changed) with those of the query vector. */
export function withDenseFeatures(lexical: ReadonlyArray<number>, passage: Passage, signals: DenseSignals): number[] {
  const dense = Math.max(...passage.sentenceIds.map((id) => signals.similarity(id)));
  const { recall } = signals;
  const values: Record<DenseFeatureName, number> = {
    dense,
    dense_gap: dense - signals.bestSimilarity,
    memory_lexical: recall ? QuestionMemory.support(recall.lexical, passage) : 0,
    memory_dense: recall ? QuestionMemory.support(recall.dense, passage) : 0,
  };
  const features = [...lexical];
  DENSE_FEATURES.forEach((name, i) => (features[DENSE_AT[i] as number] = values[name]));
  return features;
}

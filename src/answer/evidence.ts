/** @module Scores candidate passages (one to three neighbouring sentences) against a question. */
import type { BuiltIndex } from '../index/artifacts.ts';
import type { Coverage, SentenceTermIndex } from '../index/sentence-terms.ts';
import { cosine } from '../index/vector-store.ts';
import { squash } from '../text/clean.ts';
import { asksAsSelf, speaksToReader } from '../query/person.ts';
import { terms as termsOf, tokenize } from '../text/terms.ts';
import type { Sentence, SourceDocument } from '../types.ts';
import { matchesAnswerType, type QuestionAnalysis } from './question.ts';

export interface EvidenceWeights {
  /** Share of the question's IDF mass found in the passage (default 0.55). */
  lexical: number;
  /** Best cosine similarity of a passage sentence and the question (default 0.35). */
  dense: number;
  /** Bonus when the passage holds the kind of fact asked for (default 0.1). */
  answerType: number;
  /** Bonus by the retrieval rank of the passage's chunk, 1/(rank+1) (default 0.1). */
  chunkRank: number;
  /** Bonus for passages of a document the question names, × its strength (default 0.1). */
  namedDocument: number;
  /** Weight of the passage's best single sentence's coverage against its whole coverage in `lexical`: a passage whose one sentence answers beats one that gathers the words from three (default 0.3). */
  focus: number;
  /** Cost of each sentence beyond the first, so a passage grows only when that adds to the answer (default 0: measured, any cost lost more support than it won precision). */
  extraSentence: number;
  /** Longest passage, in sentences (default 3). */
  maxSentences: number;
  /** Bonus for a passage that speaks to "you" when the question speaks as "I": guidance written for the asker (default 0.2). */
  addressedToAsker: number;
}

export const defaultEvidenceWeights: EvidenceWeights = { lexical: 0.55, dense: 0.35, answerType: 0.1, chunkRank: 0.1, namedDocument: 0.1, extraSentence: 0, maxSentences: 3, addressedToAsker: 0.2, focus: 0.3 };

/** One to three neighbouring sentences of one section, scored as a unit. */
export interface ScoredPassage {
  sentences: Sentence[];
  docId: string;
  start: number;
  end: number;
  score: number;
  lexical: number;
  dense: number;
  typeMatch: boolean;
  /** Question terms found in the passage itself. */
  covered: Set<string>;
  chunkRank: number;
  sectionPath: string[];
  text: string;
  /** Mean coverage of the question by each sentence alone: how evenly the passage speaks to it. */
  density: number;
}

/** What scoring a passage needs to know of the question, worked out once per question. */
interface AskedQuestion {
  question: QuestionAnalysis;
  /** Per candidate sentence, the retrieval rank of its best chunk. */
  rankOf: ReadonlyMap<number, number>;
  /** Per candidate sentence, its cosine similarity to the question. */
  similarity: ReadonlyMap<number, number>;
  /** Per candidate sentence, its coverage of the question on its own. */
  alone: ReadonlyMap<number, Coverage>;
  askedAsSelf: boolean;
}

/** A bullet or numbered list item, as the documents write them (•, -, o, lost Wingdings "n", "1."). */
const LIST_ITEM = /^(?:[•\-–*]|o\s|n\s|\d+[.)]\s)/;
const MAX_LIST_ITEMS = 12;

/** Section ids repeat across documents (`s0`, `s1` …), so a section is its document and its id. */
function sameSection(a: Sentence, b: Sentence | undefined): boolean {
  return b !== undefined && a.docId === b.docId && a.sectionId === b.sectionId;
}

export class EvidenceScorer {
  /** Per document, the words of its title, publisher and date: "the 2025 report" names that report. */
  readonly documentWords: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per document, the years it reports on (manifest `yearsCovered`): the 2025 report covers 2024. */
  readonly yearsCovered: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly sectionPaths = new Map<string, string[]>();
  /** Sentences that only repeat their section's title: a heading states no fact, so it is never quoted as one. */
  private readonly headings = new Set<number>();

  constructor(
    private readonly index: BuiltIndex,
    private readonly terms: SentenceTermIndex,
    docs: ReadonlyArray<SourceDocument>,
    private readonly weights: EvidenceWeights = defaultEvidenceWeights,
  ) {
    this.documentWords = new Map(
      docs.map((d) => {
        const about = `${d.title} ${d.shortTitle} ${d.publisher ?? ''} ${d.date ?? ''}`;
        return [d.id, new Set([...tokenize(about), ...termsOf(about)])];
      }),
    );
    this.yearsCovered = new Map(docs.map((d) => [d.id, new Set(d.yearsCovered ?? [])]));
    for (const [docId, sections] of Object.entries(index.sectionsByDoc)) for (const s of sections) this.sectionPaths.set(`${docId}/${s.id}`, s.path);
    for (const sentence of index.sentences) {
      const path = this.sectionPaths.get(`${sentence.docId}/${sentence.sectionId}`);
      const own = squash(sentence.cleanText);
      if (own && path && squash(path[path.length - 1] ?? '').includes(own)) this.headings.add(sentence.id);
    }
  }

  /**
   * Scores every run of one to `maxSentences` neighbouring candidate sentences of one section; `chunkRank`
   * is the retrieval rank of the best chunk holding a sentence. Best first.
   */
  score(question: QuestionAnalysis, queryVector: ArrayLike<number>, candidates: ReadonlyArray<{ sentenceId: number; chunkRank: number }>): ScoredPassage[] {
    const rankOf = new Map(candidates.filter(({ sentenceId }) => !this.headings.has(sentenceId)).map((c) => [c.sentenceId, c.chunkRank]));
    const dims = this.index.manifest.embedder.dims;
    const similarity = new Map([...rankOf.keys()].map((id) => [id, cosine(this.index.sentenceVectors.subarray(id * dims, (id + 1) * dims), queryVector)]));
    const alone = new Map([...rankOf.keys()].map((id) => [id, this.terms.coverage(question, id)]));
    // A passage starts and ends on a sentence that shares a term with the question: padding either
    // side would be quoted without carrying anything.
    const bearsTerm = (id: number): boolean => (alone.get(id)?.covered.size ?? 0) > 0;
    const asked: AskedQuestion = { question, rankOf, similarity, alone, askedAsSelf: asksAsSelf(question.text) };
    const passages: ScoredPassage[] = [];
    for (const first of rankOf.keys()) {
      if (!bearsTerm(first)) continue;
      const run: Sentence[] = [];
      for (let id = first; run.length < this.weights.maxSentences && rankOf.has(id); id++) {
        const sentence = this.index.sentences[id] as Sentence;
        if (run.length && !sameSection(sentence, run[0])) break;
        run.push(sentence);
        if (run.length === 1 || bearsTerm(id)) passages.push(this.scorePassage(this.withList(run), asked));
      }
    }
    // Equal scores (same terms covered): the passage whose every sentence speaks to the question wins.
    return passages.sort((a, b) => b.score - a.score || b.sentences.length - a.sentences.length || b.density - a.density);
  }

  /**
   * A run that introduces a list ("The main goals are to:") or stops inside one takes the rest of the
   * list with it: a list is quoted whole or its point is lost.
   */
  private withList(run: ReadonlyArray<Sentence>): Sentence[] {
    const out = [...run];
    const last = (): Sentence => out[out.length - 1] as Sentence;
    const isItem = (s: Sentence | undefined): s is Sentence => s !== undefined && sameSection(s, run[0]) && LIST_ITEM.test(s.cleanText);
    const opensList = /:$/.test(last().cleanText) || LIST_ITEM.test(last().cleanText);
    if (!opensList) return out;
    while (out.length < MAX_LIST_ITEMS && isItem(this.index.sentences[last().id + 1])) out.push(this.index.sentences[last().id + 1] as Sentence);
    return out;
  }

  private scorePassage(run: Sentence[], { question, rankOf, similarity, alone, askedAsSelf }: AskedQuestion): ScoredPassage {
    const ids = run.map((s) => s.id);
    const { score: union, covered } = this.terms.coverageOf(question, ids);
    const bestSingle = Math.max(...ids.map((id) => (alone.get(id) ?? this.terms.coverage(question, id)).score));
    const lexical = (1 - this.weights.focus) * union + this.weights.focus * bestSingle;
    const dense = Math.max(...ids.map((id) => similarity.get(id) ?? 0));
    const text = run.map((s) => s.cleanText).join(' ');
    // List items pulled in by withList may lie outside the candidates; they are scored here.
    const density = ids.reduce((sum, id) => sum + (alone.get(id) ?? this.terms.coverage(question, id)).score, 0) / ids.length;
    const typeMatch = question.answerType !== 'other' && matchesAnswerType(question.answerType, text, question);
    const chunkRank = Math.min(...ids.map((id) => rankOf.get(id) ?? Infinity));
    const first = run[0] as Sentence;
    const last = run[run.length - 1] as Sentence;
    const score =
      this.weights.lexical * lexical +
      this.weights.dense * Math.max(0, dense) +
      (typeMatch ? this.weights.answerType : 0) +
      this.weights.chunkRank / (chunkRank + 1) +
      this.weights.namedDocument * (question.namedDocuments.get(first.docId) ?? 0) +
      (askedAsSelf && speaksToReader(text) ? this.weights.addressedToAsker : 0) -
      this.weights.extraSentence * (run.filter((s) => !LIST_ITEM.test(s.cleanText)).length - 1);
    return {
      sentences: run,
      docId: first.docId,
      start: first.start,
      end: last.end,
      score,
      lexical,
      dense,
      typeMatch,
      covered,
      chunkRank,
      sectionPath: this.sectionPaths.get(`${first.docId}/${first.sectionId}`) ?? [],
      text,
      density,
    };
  }
}

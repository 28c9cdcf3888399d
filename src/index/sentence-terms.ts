/** @module Term statistics per sentence: IDF and the share of a query's IDF mass a sentence covers. */
import { terms } from '../text/terms.ts';
import type { Section, Sentence } from '../types.ts';

export interface CoverageOptions {
  /** Weight of a term found only in the sentence's section path, relative to one in the sentence (default 0.5). */
  headingShare: number;
  /** Weight of a synonym the question did not use, relative to its own terms (default 0.5). */
  expansionShare: number;
  /** Weight of a term that only earlier turns of the conversation used, relative to the question's own (default 0.5). */
  contextShare: number;
}

export const defaultCoverageOptions: CoverageOptions = { headingShare: 0.5, expansionShare: 0.5, contextShare: 0.5 };

/** What a sentence is matched against: the question's terms, synonyms it did not use, and terms of earlier turns. */
export interface QueryTerms {
  terms: ReadonlyArray<string>;
  expansions?: ReadonlyArray<string>;
  /** Terms of the conversation so far that the question itself does not use: they set the topic, with less weight. */
  context?: ReadonlyArray<string>;
}

export interface Coverage {
  /** 0..1: the share of the query's IDF mass found in the sentence (or, discounted, its section path). */
  score: number;
  /** Query terms found in the sentence itself. */
  covered: Set<string>;
}

export class SentenceTermIndex {
  private readonly sentenceTerms: Array<Set<string>>;
  private readonly headingTerms = new Map<string, Set<string>>();
  private readonly df = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  private readonly options: CoverageOptions;

  constructor(
    private readonly sentences: ReadonlyArray<Sentence>,
    sectionsByDoc: Readonly<Record<string, ReadonlyArray<Section>>>,
    options: Partial<CoverageOptions> = {},
  ) {
    this.options = { ...defaultCoverageOptions, ...options };
    this.sentenceTerms = sentences.map((s) => new Set(terms(s.cleanText)));
    this.sentenceTerms.forEach((set, sid) => {
      for (const t of set) {
        this.df.set(t, (this.df.get(t) ?? 0) + 1);
        const list = this.postings.get(t) ?? [];
        list.push(sid);
        this.postings.set(t, list);
      }
    });
    for (const [docId, sections] of Object.entries(sectionsByDoc)) {
      for (const section of sections) this.headingTerms.set(`${docId}/${section.id}`, new Set(terms(section.path.join(' '))));
    }
  }

  idf(term: string): number {
    return Math.log(1 + this.sentences.length / (1 + (this.df.get(term) ?? 0)));
  }

  /** `expansions` (synonyms) add discounted mass but not to the total, so the score stays a share of the question. */
  coverage(query: QueryTerms, sentenceId: number): Coverage {
    return this.coverageOf(query, [sentenceId]);
  }

  /** Coverage of a run of sentences of one section taken together (a passage). */
  coverageOf(query: QueryTerms, sentenceIds: ReadonlyArray<number>): Coverage {
    const weighted: Array<[string, number]> = [...query.terms.map((t): [string, number] => [t, 1]), ...(query.context ?? []).map((t): [string, number] => [t, this.options.contextShare])];
    const total = weighted.reduce((sum, [t, w]) => sum + w * this.idf(t), 0) || 1;
    const sentence = this.sentences[sentenceIds[0] ?? -1];
    const own = new Set<string>();
    for (const id of sentenceIds) for (const t of this.sentenceTerms[id] ?? []) own.add(t);
    const heading = (sentence && this.headingTerms.get(`${sentence.docId}/${sentence.sectionId}`)) ?? new Set<string>();
    let mass = 0;
    const covered = new Set<string>();
    for (const [t, weight] of weighted) {
      if (own.has(t)) {
        mass += weight * this.idf(t);
        covered.add(t);
      } else if (heading.has(t)) mass += weight * this.options.headingShare * this.idf(t);
    }
    for (const t of query.expansions ?? []) {
      if (own.has(t)) {
        mass += this.options.expansionShare * this.idf(t);
        covered.add(t);
      }
    }
    return { score: Math.min(1, mass / total), covered };
  }

  /** Sentences sharing a term with the query, by coverage, best first. */
  search(query: QueryTerms, limit: number, allowed?: ReadonlySet<string>): Array<[number, number]> {
    const candidates = new Set<number>();
    for (const t of [...query.terms, ...(query.expansions ?? []), ...(query.context ?? [])]) for (const sid of this.postings.get(t) ?? []) candidates.add(sid);
    const scored: Array<[number, number]> = [];
    for (const sid of candidates) {
      const s = this.sentences[sid];
      if (!s || (allowed && !allowed.has(s.docId))) continue;
      scored.push([sid, this.coverage(query, sid).score]);
    }
    return scored.sort((a, b) => b[1] - a[1]).slice(0, limit);
  }
}

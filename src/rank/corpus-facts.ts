/**
 * @module What ranking needs to know of the corpus, worked out once per index: term sets and IDF,
 * section and title terms, which passages hold each sentence, and each document's date.
 */
import type { BuiltIndex } from '../index/built-index.ts';
import type { Passage } from '../index/passages.ts';
import { norm } from '../index/vector-store.ts';
import { yearsIn } from '../query/years.ts';
import { bigramsOf, terms, tokenize } from '../text/terms.ts';
import type { DocumentMeta } from '../types.ts';

export interface DocumentFacts {
  id: string;
  /** Tokens of the title, short title, publisher and date: "Norwegian" in a question may be met here. */
  titleTokens: ReadonlySet<string>;
  titleTerms: ReadonlySet<string>;
  /** Years the document is dated by, titled by or reports on. */
  years: ReadonlySet<string>;
  /** 0 for the oldest dated document, 1 for the newest; 0.5 when undated. */
  recency: number;
  dated: boolean;
}

export class CorpusFacts {
  readonly sentenceTerms: ReadonlyArray<ReadonlySet<string>>;
  readonly sentenceTokens: ReadonlyArray<ReadonlySet<string>>;
  /** Per sentence, its consecutive term pairs ("reflect period"). */
  readonly sentenceBigrams: ReadonlyArray<ReadonlySet<string>>;
  readonly sentenceNorms: Float32Array;
  /** Per passage, the union of its sentences' terms. */
  readonly passageTerms: ReadonlyArray<ReadonlySet<string>>;
  /** Per passage, the terms of its sentences and two more either side in its section (its topic). */
  readonly neighbourhoodTerms: ReadonlyArray<ReadonlySet<string>>;
  /** Per sentence, the passages holding it. */
  readonly passagesOfSentence: ReadonlyArray<ReadonlyArray<number>>;
  /** Per passage, its sentences' cleaned text joined: what features and answers read. */
  readonly passageTexts: ReadonlyArray<string>;
  readonly documents: ReadonlyMap<string, DocumentFacts>;
  private readonly df = new Map<string, number>();
  private readonly sectionTerms = new Map<string, ReadonlySet<string>>();
  private readonly sectionTokens = new Map<string, ReadonlySet<string>>();
  private readonly sectionPaths = new Map<string, string[]>();
  private readonly maxIdf: number;

  constructor(
    readonly index: BuiltIndex,
    docs: ReadonlyArray<Pick<DocumentMeta, 'id' | 'title' | 'shortTitle' | 'publisher' | 'date' | 'yearsCovered'>>,
  ) {
    const termLists = index.sentences.map((s) => terms(s.cleanText));
    this.sentenceTerms = termLists.map((list) => new Set(list));
    this.sentenceBigrams = termLists.map((list) => bigramsOf(list));
    this.sentenceTokens = index.sentences.map((s) => new Set(tokenize(s.cleanText)));
    for (const set of this.sentenceTerms) for (const t of set) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    this.maxIdf = this.idf('');
    const dims = index.manifest.embedder.dims;
    this.sentenceNorms = Float32Array.from(index.sentences, (s) => norm(index.sentenceVectors.subarray(s.id * dims, (s.id + 1) * dims)));
    this.passageTerms = index.passages.map((p) => {
      const set = new Set<string>();
      for (const id of p.sentenceIds) for (const t of this.sentenceTerms[id] ?? []) set.add(t);
      return set;
    });
    this.neighbourhoodTerms = index.passages.map((p) => {
      const set = new Set<string>();
      for (const id of this.neighbourhood(p, 2)) for (const t of this.sentenceTerms[id] ?? []) set.add(t);
      return set;
    });
    this.passageTexts = index.passages.map((p) => p.sentenceIds.map((id) => index.sentences[id]?.cleanText ?? '').join(' '));
    const holders: number[][] = index.sentences.map(() => []);
    for (const p of index.passages) for (const id of p.sentenceIds) holders[id]?.push(p.id);
    this.passagesOfSentence = holders;
    for (const [docId, sections] of Object.entries(index.sectionsByDoc)) {
      for (const s of sections) {
        const key = `${docId}/${s.id}`;
        this.sectionPaths.set(key, s.path);
        this.sectionTerms.set(key, new Set(terms(s.path.join(' '))));
        this.sectionTokens.set(key, new Set(tokenize(s.path.join(' '))));
      }
    }
    const yearOf = (d: { date: string | null }): number | null => (d.date ? Number(d.date.slice(0, 4)) : null);
    const dated = docs.map(yearOf).filter((y): y is number => y !== null);
    const [oldest, newest] = [Math.min(...dated), Math.max(...dated)];
    this.documents = new Map(
      docs.map((d) => {
        const about = `${d.title} ${d.shortTitle} ${d.publisher ?? ''} ${d.date ?? ''}`;
        const year = yearOf(d);
        return [
          d.id,
          {
            id: d.id,
            titleTokens: new Set(tokenize(about)),
            titleTerms: new Set(terms(`${d.title} ${d.shortTitle}`)),
            years: new Set([...yearsIn(about), ...(d.yearsCovered ?? [])]),
            recency: year === null || newest === oldest ? 0.5 : (year - oldest) / (newest - oldest),
            dated: year !== null,
          },
        ];
      }),
    );
  }

  /** Smoothed inverse sentence frequency; a term the corpus lacks gets the largest value. */
  idf(term: string): number {
    return Math.log(1 + this.index.sentences.length / (1 + (this.df.get(term) ?? 0)));
  }

  /** IDF scaled to 0..1 by the largest possible. */
  relativeIdf(term: string): number {
    return this.idf(term) / this.maxIdf;
  }

  /** Passages overlapping `[start, end)` of a document. */
  passagesOverlapping(docId: string, start: number, end: number): number[] {
    const out = new Set<number>();
    for (const s of this.index.sentences) {
      if (s.docId === docId && s.start < end && start < s.end) for (const p of this.passagesOfSentence[s.id] ?? []) out.add(p);
    }
    return [...out];
  }

  /** How many sentences use `term`. */
  sentenceFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** Whether the corpus uses `term` anywhere. */
  knows(term: string): boolean {
    return this.df.has(term);
  }

  sectionTermsOf(p: Passage): ReadonlySet<string> {
    return this.sectionTerms.get(`${p.docId}/${p.sectionId}`) ?? new Set();
  }

  sectionTokensOf(p: Passage): ReadonlySet<string> {
    return this.sectionTokens.get(`${p.docId}/${p.sectionId}`) ?? new Set();
  }

  sectionPathOf(p: Pick<Passage, 'docId' | 'sectionId'>): string[] {
    return this.sectionPaths.get(`${p.docId}/${p.sectionId}`) ?? [];
  }

  /** The passage's sentences and up to `reach` neighbours either side in the same section. */
  neighbourhood(p: Passage, reach: number): number[] {
    const first = p.sentenceIds[0] ?? 0;
    const last = p.sentenceIds[p.sentenceIds.length - 1] ?? first;
    const ids: number[] = [];
    for (let id = Math.max(0, first - reach); id <= last + reach; id++) {
      const s = this.index.sentences[id];
      if (s && s.docId === p.docId && s.sectionId === p.sectionId) ids.push(id);
    }
    return ids;
  }
}

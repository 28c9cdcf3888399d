/**
 * @module Passages: the candidate answers. Every run of one to three neighbouring sentences of one
 * section, and every list with the sentence that introduces it, with what it holds worked out at
 * ingest (facts, kind, position) since none of that depends on the question.
 */
import { squash } from '../text/clean.ts';
import { factsOf, LIST_ITEM, type CategoryLookup, type FactKind, FACT_KINDS } from '../text/facts.ts';
import type { Section, SectionKind, Sentence } from '../types.ts';

/** What a passage is, by its section and shape: readers weigh a footnote or a caption differently from body text. */
export const PASSAGE_KINDS = ['body', 'list', 'table', 'sidebar', 'footnote', 'caption', 'preamble'] as const;
export type PassageKind = (typeof PASSAGE_KINDS)[number];

export interface Passage {
  id: number;
  docId: string;
  sectionId: string;
  /** Consecutive sentence ids. */
  sentenceIds: number[];
  start: number;
  end: number;
  kind: PassageKind;
  /** The kinds of fact the passage holds (see text/facts.ts). */
  facts: FactKind[];
  /** It opens its section: the TIP reports open each section with their verdict. */
  opensSection: boolean;
  /** It speaks to its reader ("you can apply …"): guidance, not description. */
  toReader: boolean;
}

export interface PassageOptions {
  /** Longest run of sentences (default 3: a claim and its qualification; longer runs quote padding). */
  maxSentences: number;
  /** Most list items taken with their introduction (default 12: the longest list in the corpus has 9). */
  maxListItems: number;
}

export const defaultPassageOptions: PassageOptions = { maxSentences: 3, maxListItems: 12 };

const ASIDE_KINDS: ReadonlySet<SectionKind> = new Set(['sidebar', 'footnote', 'caption']);
const KIND_OF_SECTION: Partial<Record<SectionKind, PassageKind>> = { table: 'table', sidebar: 'sidebar', footnote: 'footnote', caption: 'caption', preamble: 'preamble' };
const SECOND_PERSON = /\b(?:you|your|yours|yourself)\b/i;

/** Builds every passage of the corpus, in sentence order. */
export function buildPassages(
  sentences: ReadonlyArray<Sentence>,
  sectionsByDoc: Readonly<Record<string, ReadonlyArray<Section>>>,
  lookup: CategoryLookup,
  options: Partial<PassageOptions> = {},
): Passage[] {
  const opts = { ...defaultPassageOptions, ...options };
  const sections = new Map<string, Section>();
  for (const [docId, list] of Object.entries(sectionsByDoc)) for (const s of list) sections.set(`${docId}/${s.id}`, s);
  const sectionOf = (s: Sentence): Section | undefined => sections.get(`${s.docId}/${s.sectionId}`);
  // A sentence that only repeats its section's title states nothing; it is never part of an answer.
  const isHeading = (s: Sentence): boolean => {
    const own = squash(s.cleanText);
    return own === '' || squash(sectionOf(s)?.title ?? '').includes(own);
  };
  const firstOfSection = new Set<string>();
  const opens = new Set<number>();
  for (const s of sentences) {
    const key = `${s.docId}/${s.sectionId}`;
    if (firstOfSection.has(key) || isHeading(s)) continue;
    firstOfSection.add(key);
    opens.add(s.id);
  }
  const starts = new Map<string, number[]>();
  for (const [docId, list] of Object.entries(sectionsByDoc)) starts.set(docId, list.filter((s) => !ASIDE_KINDS.has(s.kind)).map((s) => s.start));
  // Neighbours: same section, and no other (non-aside) section starts between them.
  const follows = (a: Sentence, b: Sentence | undefined): b is Sentence =>
    b !== undefined && a.docId === b.docId && a.sectionId === b.sectionId && !isHeading(b) && !(starts.get(a.docId) ?? []).some((at) => at > a.end && at <= b.start);

  const passages: Passage[] = [];
  const add = (run: Sentence[], isList: boolean): void => {
    const first = run[0] as Sentence;
    const last = run[run.length - 1] as Sentence;
    const text = run.map((s) => s.cleanText).join(' ');
    const facts = factsOf(text, lookup, isList);
    const sectionKind = sectionOf(first)?.kind ?? 'heading';
    passages.push({
      id: passages.length,
      docId: first.docId,
      sectionId: first.sectionId,
      sentenceIds: run.map((s) => s.id),
      start: first.start,
      end: last.end,
      kind: KIND_OF_SECTION[sectionKind] ?? (isList || run.some((s) => LIST_ITEM.test(s.cleanText)) ? 'list' : 'body'),
      facts: FACT_KINDS.filter((k) => facts[k]),
      opensSection: opens.has(first.id),
      toReader: SECOND_PERSON.test(text),
    });
  };
  for (const sentence of sentences) {
    if (isHeading(sentence)) continue;
    const run = [sentence];
    add(run, false);
    for (let next = sentences[sentence.id + 1]; run.length < opts.maxSentences && follows(run[run.length - 1] as Sentence, next); next = sentences[(next?.id ?? 0) + 1]) {
      run.push(next);
      add([...run], false);
    }
    // "The main goals are to:" takes its items with it: a list is quoted whole or its point is lost.
    if (!/:$/.test(sentence.cleanText)) continue;
    const list = [sentence];
    for (let next = sentences[sentence.id + 1]; list.length <= opts.maxListItems && follows(list[list.length - 1] as Sentence, next) && LIST_ITEM.test(next.cleanText); next = sentences[next.id + 1]) list.push(next);
    if (list.length > opts.maxSentences) add(list, true);
  }
  return passages;
}

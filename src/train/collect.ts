/** @module Training examples: each labelled question read, its candidates ranked (features kept) and labelled against the gold quotes. */
import type { EvalItem } from '../eval/dataset.ts';
import { goldQuotes } from '../eval/dataset.ts';
import { overlap, type DocSpan, type QuoteLocator } from '../corpus/locate.ts';
import type { Passage } from '../index/passages.ts';
import type { Question, QuestionReader } from '../query/analyse.ts';
import { readConversation } from '../query/conversation.ts';
import type { Translator } from '../query/translate.ts';
import { embeddedText } from '../rank/bounds.ts';
import type { CorpusFacts } from '../rank/corpus-facts.ts';
import type { Recall } from '../rank/memory.ts';
import type { RankedPassage, Ranker } from '../rank/ranker.ts';
import type { ChatMessage } from '../types.ts';

export interface Example {
  id: string;
  kind: string;
  question: Question;
  ranked: RankedPassage[];
  recall: Recall | null;
  /** What is known of the index the question was asked of: the full one, or one without a document. */
  facts: CorpusFacts;
  gold: DocSpan[];
  /** Indexes into `ranked` of the passages that answer. */
  positives: number[];
}

export function messagesOf(item: EvalItem): ChatMessage[] {
  return [...(item.history ?? []), { role: 'user', content: item.question }];
}

/**
 * A passage answers when it overlaps a gold quote: what answer support counts. (Labelling only passages
 * mostly made of gold instead gave a ranker whose first passage touched the gold less often on
 * validation: 0.69 against 0.72.)
 */
export function answers(passage: Pick<Passage, 'docId' | 'start' | 'end'>, gold: ReadonlyArray<DocSpan>): boolean {
  return gold.some((g) => g.docId === passage.docId && overlap(passage, g) > 0);
}

/** How an index reads questions: its lexicon and document names, and its Norwegian word lists. */
export interface ReadingContext {
  reader: QuestionReader;
  translator: Pick<Translator, 'inEnglish' | 'languageOf'>;
}

/** The question an eval item asks, read as the answerer reads it (a Norwegian one in English search words). */
export function questionOf(item: EvalItem, reading: ReadingContext): Question {
  return readConversation(messagesOf(item), reading.reader, reading.translator);
}

/** The text a question is embedded as, exactly as the ranker embeds it. */
export const searchText = (question: Question): string => embeddedText(question);

export async function collect(item: EvalItem, ranker: Ranker, context: ReadingContext & { facts: CorpusFacts }, locator: QuoteLocator, docIds?: ReadonlyArray<string>): Promise<Example> {
  const question = questionOf(item, context);
  const { facts } = context;
  const { ranked, recall } = await ranker.rank({ question, ...(docIds ? { docIds } : {}) });
  const gold = goldSpans(item, locator);
  const positives = ranked.flatMap((r, i) => (answers(r.passage, gold) ? [i] : []));
  return { id: item.id, kind: item.kind, question, ranked, recall, facts, gold, positives };
}

export function goldSpans(item: EvalItem, locator: QuoteLocator): DocSpan[] {
  return goldQuotes(item).map((q) => locator.locate(q)).filter((s): s is DocSpan => s !== null);
}

/**
 * @module What ranking and answering need, composed from an index and its documents: pure wiring with
 * no file system, native addon or worker thread, so the Node server and the Cloudflare Worker share it.
 */
import { corpusView, type CorpusView } from './answer/citations.ts';
import type { AnsweringDeps } from './answer/evidence.ts';
import { helpContacts } from './answer/help-contacts.ts';
import { QuoteLocator, type DocSpan } from './corpus/locate.ts';
import type { Embedder } from './embed/embedder.ts';
import type { BuiltIndex } from './index/built-index.ts';
import type { QuestionReader } from './query/analyse.ts';
import { DocumentMentions } from './query/document-mentions.ts';
import { shippedTranslator } from './query/shipped-glossary.ts';
import type { Translator } from './query/translate.ts';
import { CorpusFacts } from './rank/corpus-facts.ts';
import { QuestionMemory, type MemoryEntry } from './rank/memory.ts';
import type { Models } from './rank/models.ts';
import { Ranker } from './rank/ranker.ts';
import { toTerm } from './text/terms.ts';
import type { ParsedDocument, SourceDocument } from './types.ts';

/** How questions are read against an index: its lexicon and the documents' names. */
export function questionReader(index: BuiltIndex, docs: ReadonlyArray<SourceDocument>): QuestionReader {
  return { lexicon: index.lexicon, mentions: new DocumentMentions(docs) };
}

/** What ranking and answering read of one index; an index without some documents gets its own. */
export interface CorpusContext {
  facts: CorpusFacts;
  reader: QuestionReader;
  /** Norwegian questions into English search words, in the senses this index's documents use. */
  translator: Translator;
  view: CorpusView;
  /** The documents with their section trees, as served. */
  documents: ParsedDocument[];
}

export function corpusContext(index: BuiltIndex, docs: ReadonlyArray<SourceDocument>): CorpusContext {
  const facts = new CorpusFacts(index, docs);
  return {
    facts,
    reader: questionReader(index, docs),
    translator: shippedTranslator((word) => corpusUses(facts, word)),
    view: corpusView(docs, index.sectionsByDoc),
    documents: docs.filter((d) => index.sectionsByDoc[d.id]).map((d) => ({ ...d, sections: index.sectionsByDoc[d.id] ?? [] })),
  };
}

/** The remembered questions with their answers located in these documents and their vectors from the index. */
export function memoryOf(models: Pick<Models, 'memory' | 'associations'>, index: BuiltIndex, docs: ReadonlyArray<SourceDocument>): QuestionMemory {
  const locator = new QuoteLocator(docs);
  const dims = index.manifest.embedder.dims;
  const entries: MemoryEntry[] = [];
  models.memory.forEach((m, i) => {
    // A quote no longer in the corpus (a document edited or removed) is forgotten, not misplaced;
    // a question remembered without quotes is one the documents do not answer.
    const gold = m.gold.map((g) => locator.locate(g.quote)).filter((s): s is DocSpan => s !== null);
    if (gold.length || !m.gold.length) entries.push({ terms: m.terms, vector: index.questionVectors.subarray(i * dims, (i + 1) * dims), gold });
  });
  return new QuestionMemory(entries, models.associations);
}

/** Whether the documents use an English word (as any word of its stem). */
function corpusUses(facts: CorpusFacts, word: string): boolean {
  const term = toTerm(word);
  return term !== null && facts.knows(term);
}

/** Ranking and the answer check over one index (the full one, or one without some documents). */
export function answeringDeps(index: BuiltIndex, docs: ReadonlyArray<SourceDocument>, embedder: Pick<Embedder, 'embedQuery'>, models: Models, context: CorpusContext = corpusContext(index, docs)): AnsweringDeps {
  const ranker = new Ranker(index, context.facts, embedder, models.ranker, memoryOf(models, index, docs));
  const help = { contacts: helpContacts(index, docs, context.view), model: models.help.model, threshold: models.help.threshold };
  return { ranker, context, answerability: models.answerability, threshold: models.threshold, help };
}


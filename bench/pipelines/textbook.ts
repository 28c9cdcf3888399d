/**
 * @module The textbook LangChain.js pipeline a user would copy, for side-by-side benchmarks: documents
 * split 1000/200 by RecursiveCharacterTextSplitter, embedded into a MemoryVectorStore with the same
 * offline USE-lite model Kilde uses, the nearest chunks returned for each question (one query
 * embedding per request, on the event loop). Not part of the product.
 */
import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { Document } from '@langchain/core/documents';
import { Hono } from 'hono';
import MiniSearch from 'minisearch';
import { loadCorpus } from '../../src/corpus/load.ts';
import { createUseLiteEmbeddings } from '../../src/embed/use-lite.ts';

export interface TextbookHit {
  docId: string;
  start: number;
  end: number;
  text: string;
}

export interface Pipeline {
  search(query: string, k: number): Promise<TextbookHit[]>;
}

/** The documents split as the textbook does, each chunk knowing where it sits in its document. */
async function textbookChunks(corpusDir: string): Promise<Document[]> {
  const docs = await loadCorpus(corpusDir);
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const chunks: Document[] = [];
  for (const doc of docs) {
    let from = 0;
    for (const text of await splitter.splitText(doc.text)) {
      // Where the chunk sits in the document, so its hits can be scored against gold spans.
      const start = doc.text.indexOf(text, Math.max(0, from - 1000));
      from = start >= 0 ? start + 1 : from;
      chunks.push(new Document({ pageContent: text, metadata: { docId: doc.id, start: Math.max(0, start), end: Math.max(0, start) + text.length } }));
    }
  }
  return chunks;
}

export async function textbookPipeline(corpusDir = 'corpus'): Promise<Pipeline> {
  const store = await MemoryVectorStore.fromDocuments(await textbookChunks(corpusDir), await createUseLiteEmbeddings());
  return {
    async search(query, k) {
      const found = await store.similaritySearch(query, k);
      return found.map((d) => ({ docId: String(d.metadata['docId']), start: Number(d.metadata['start']), end: Number(d.metadata['end']), text: d.pageContent }));
    },
  };
}

/** The same chunks searched by BM25 alone (MiniSearch, default settings): no embedding at all. */
export async function bm25Pipeline(corpusDir = 'corpus'): Promise<Pipeline> {
  const chunks = await textbookChunks(corpusDir);
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  index.addAll(chunks.map((c, id) => ({ id, text: c.pageContent })));
  return {
    async search(query, k) {
      return index.search(query).slice(0, k).map((r) => {
        const d = chunks[Number(r.id)] as Document;
        return { docId: String(d.metadata['docId']), start: Number(d.metadata['start']), end: Number(d.metadata['end']), text: d.pageContent };
      });
    },
  };
}

/** The pipeline over HTTP: POST /api/chat answers with the nearest chunk as its one citation. */
export function textbookApp(pipeline: Pipeline): Hono {
  const app = new Hono();
  app.get('/api/health', (c) => c.json({ status: 'ok' }));
  app.post('/api/chat', async (c) => {
    const body = await c.req.json<{ messages: Array<{ content: string }> }>();
    const question = body.messages.at(-1)?.content ?? '';
    const hits = await pipeline.search(question, 4);
    const first = hits[0];
    return c.json({ answer: first ? `${first.text} [1]` : 'No answer.', citations: hits.map((h, i) => ({ n: i + 1, ...h })) });
  });
  app.post('/api/search', async (c) => {
    const body = await c.req.json<{ query: string; k?: number }>();
    return c.json({ results: await pipeline.search(body.query, body.k ?? 8) });
  });
  return app;
}

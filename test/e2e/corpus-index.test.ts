import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { createApp } from '../../src/server/app.ts';
import type { Hit } from '../../src/types.ts';
import { getTestRuntime } from '../support/runtime.ts';

describe('the real corpus, indexed', () => {
  it('serves five documents whose text is the verbatim corpus file', async () => {
    const rt = await getTestRuntime();
    expect(rt.documents.map((d) => d.id).sort()).toEqual(['bsppc-2010', 'plan-2006', 'tip-2006', 'tip-2025', 'udi-victims']);
  });

  it('gives every chunk exact offsets inside its own section', async () => {
    const rt = await getTestRuntime();
    for (const chunk of rt.index.chunks) {
      const doc = rt.documents.find((d) => d.id === chunk.docId);
      const section = doc?.sections.find((s) => s.id === chunk.sectionId);
      expect(section, chunk.id).toBeDefined();
      expect(chunk.start).toBeGreaterThanOrEqual(section?.start ?? Infinity);
      expect(chunk.end).toBeLessThanOrEqual(section?.end ?? -1);
      expect(doc?.text.slice(chunk.start, chunk.end).trim().length).toBeGreaterThan(0);
    }
  });

  it('keeps chunks within about 250 words, splitting at sentence ends', async () => {
    const rt = await getTestRuntime();
    const words = rt.index.chunks.map((c) => c.indexText.split('\n')[1]?.split(' ').length ?? 0);
    expect(Math.max(...words)).toBeLessThan(420);
    expect(words.filter((w) => w > 250).length).toBeLessThan(words.length * 0.05);
  });

  it('covers every sentence of running text with a chunk', async () => {
    const rt = await getTestRuntime();
    const inChunk = new Set(rt.index.chunks.flatMap((c) => c.sentenceIds));
    expect(rt.index.sentences.filter((s) => !inChunk.has(s.id))).toEqual([]);
  });

  it.each([
    ['How long is a period of reflection valid?', 'udi-victims', 'valid for six months'],
    ['How many measures does the plan of action contain?', 'plan-2006', '37 measures'],
    ['What are the Barnehus centres?', 'tip-2025', 'Barnehus'],
    ['How many presumed victims received help in 2009?', 'bsppc-2010', '2009'],
  ])('finds the passage that answers "%s" in the top 5', async (query, docId, phrase) => {
    const rt = await getTestRuntime();
    const hits = await rt.searcher.search({ query, k: 5 });
    expect(hits.some((h) => h.docId === docId && h.text.replace(/\s+/g, ' ').includes(phrase))).toBe(true);
  });
});

describe('POST /api/search on the real index', () => {
  it('returns verbatim slices with section paths, filtered by docIds', async () => {
    const rt = await getTestRuntime();
    const app = createApp({ documents: rt.documents, search: rt.searcher, chunkCount: rt.index.chunks.length, embedderName: rt.embedder.name, answerer: rt.answerer, logger: silentLogger });
    const res = await app.request('/api/search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'reflection period', k: 4, docIds: ['udi-victims'] }),
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: Hit[] };
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      const doc = rt.documents.find((d) => d.id === r.docId);
      expect(r.docId).toBe('udi-victims');
      expect(doc?.text.slice(r.start, r.end)).toBe(r.text);
      expect(r.sectionPath.length).toBeGreaterThan(0);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { BuiltIndex } from '../index/artifacts.ts';
import { HnswVectorStore } from '../index/hnsw.ts';
import { KeywordIndex } from '../index/keyword.ts';
import { SentenceTermIndex } from '../index/sentence-terms.ts';
import { chunkCorpus } from '../ingest/chunks.ts';
import type { ParsedDocument, Section } from '../types.ts';
import { EvidenceScorer } from './evidence.ts';
import { analyseQuestion } from './question.ts';

const section = (title: string, end: number): Section => ({ id: 's0', title, path: [title], level: 1, start: 0, end, kind: 'heading', parentId: null });
const doc = (id: string, text: string, title: string): ParsedDocument => ({
  id,
  file: `${id}.txt`,
  title: id,
  shortTitle: id,
  publisher: null,
  date: null,
  source: null,
  text,
  sections: [section(title, text.length)],
});

function scorerFor(docs: ParsedDocument[]): { scorer: EvidenceScorer; index: BuiltIndex } {
  const { chunks, sentences } = chunkCorpus(docs);
  const dims = 4;
  const index: BuiltIndex = {
    manifest: { formatVersion: 1, corpusHash: 'x', embedder: { name: 'none', dims }, counts: { documents: docs.length, sections: docs.length, chunks: chunks.length, sentences: sentences.length }, builtAt: '', buildMs: 0, files: {} },
    sectionsByDoc: Object.fromEntries(docs.map((d) => [d.id, d.sections])),
    chunks,
    sentences,
    keyword: KeywordIndex.build(chunks),
    vectors: HnswVectorStore.create(dims),
    sentenceVectors: new Float32Array(sentences.length * dims).fill(1),
  };
  return { scorer: new EvidenceScorer(index, new SentenceTermIndex(sentences, index.sectionsByDoc), docs), index };
}

/** The passages of `docs` for `question`, every sentence a candidate from the top-ranked chunk. */
function passagesFor(docs: ParsedDocument[], question: string) {
  const { scorer, index } = scorerFor(docs);
  const candidates = index.sentences.map((s) => ({ sentenceId: s.id, chunkRank: 0 }));
  return scorer.score(analyseQuestion(question), [1, 1, 1, 1], candidates);
}

describe('EvidenceScorer.score', () => {
  it('never joins sentences of two documents into one passage, though their section ids are alike', () => {
    const a = doc('a', 'Victims get shelter in Oslo.', 'Shelters');
    const b = doc('b', 'Victims get a permit in Bergen.', 'Permits');
    const passages = passagesFor([a, b], 'Do victims get shelter or a permit?');
    for (const p of passages) {
      expect(new Set(p.sentences.map((s) => s.docId)).size).toBe(1);
      expect(p.start).toBeLessThan(p.end);
    }
  });

  it('quotes the rest of a list with the sentence that opens it', () => {
    const text = 'Goals\nThe main goals are to:\n• limit recruitment\n• protect victims\n• prosecute traffickers';
    const [best] = passagesFor([doc('a', text, 'Goals')], 'What are the main goals?');
    expect(best?.text).toContain('prosecute traffickers');
  });

  it('never offers a sentence that only repeats its section title', () => {
    const text = 'Period of reflection\nA period of reflection lasts six months.';
    const passages = passagesFor([doc('a', text, 'Period of reflection')], 'period of reflection');
    expect(passages.every((p) => p.text !== 'Period of reflection')).toBe(true);
  });
});

describe('EvidenceScorer.score for a question in the first person', () => {
  it('prefers the passage written to "you" over an equally matching report', () => {
    const a = doc('report', 'Victims may apply for a reflection period at the police.', 'Protection');
    const b = doc('guide', 'You may apply for a reflection period at the police.', 'Period of reflection');
    const [best] = passagesFor([a, b], 'How do I apply for a reflection period at the police?');
    expect(best?.docId).toBe('guide');
  });
});

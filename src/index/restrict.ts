/**
 * @module An index without some documents, built from a full one without embedding anything again:
 * "asked against an index built without document X" for leave-one-document-out evaluation.
 */
import type { DocumentMeta } from '../types.ts';
import type { BuiltIndex } from './built-index.ts';
import { FlatVectorStore } from './flat.ts';
import { PassageSearch, passageDocuments } from './passage-search.ts';

export function withoutDocuments(index: BuiltIndex, docs: ReadonlyArray<Pick<DocumentMeta, 'id' | 'title' | 'shortTitle'>>, excluded: ReadonlySet<string>): BuiltIndex {
  const dims = index.manifest.embedder.dims;
  const sentenceId = new Map<number, number>();
  const sentences = index.sentences.filter((s) => !excluded.has(s.docId)).map((s, id) => {
    sentenceId.set(s.id, id);
    return { ...s, id };
  });
  const remap = (ids: ReadonlyArray<number>): number[] => ids.map((id) => sentenceId.get(id) ?? -1);
  const passages = index.passages.filter((p) => !excluded.has(p.docId)).map((p, id) => ({ ...p, id, sentenceIds: remap(p.sentenceIds) }));
  const chunks = index.chunks.filter((c) => !excluded.has(c.docId)).map((c) => ({ ...c, sentenceIds: remap(c.sentenceIds) }));
  const sentenceVectors = new Float32Array(sentences.length * dims);
  for (const [from, to] of sentenceId) sentenceVectors.set(index.sentenceVectors.subarray(from * dims, (from + 1) * dims), to * dims);
  const vectors = new FlatVectorStore(dims);
  vectors.add(sentences.map((s) => sentenceVectors.subarray(s.id * dims, (s.id + 1) * dims)));
  const sectionsByDoc = Object.fromEntries(Object.entries(index.sectionsByDoc).filter(([id]) => !excluded.has(id)));
  const passageSearch = PassageSearch.build(passageDocuments(passages, sentences, sectionsByDoc, docs));
  return {
    ...index,
    manifest: { ...index.manifest, counts: { ...index.manifest.counts, documents: index.manifest.counts.documents - excluded.size, chunks: chunks.length, sentences: sentences.length, passages: passages.length } },
    sectionsByDoc,
    chunks,
    sentences,
    passages,
    passageSearch,
    vectors,
    sentenceVectors,
  };
}

/** @module After scoring: passages that do not overlap, one per document where that is asked, chunks for search. */
import type { Chunk } from '../types.ts';
import type { RankedPassage } from './ranker.ts';

const overlaps = (a: RankedPassage, b: RankedPassage): boolean =>
  a.passage.docId === b.passage.docId && a.passage.start < b.passage.end && b.passage.start < a.passage.end;

/** The best passages, best first, none overlapping one taken before it. */
export function nonOverlapping(ranked: ReadonlyArray<RankedPassage>, k: number): RankedPassage[] {
  const out: RankedPassage[] = [];
  for (const r of ranked) {
    if (out.length >= k) break;
    if (!out.some((o) => overlaps(o, r))) out.push(r);
  }
  return out;
}

/** The best passage of each document, best first. */
export function bestPerDocument(ranked: ReadonlyArray<RankedPassage>): Map<string, RankedPassage> {
  const best = new Map<string, RankedPassage>();
  for (const r of ranked) if (!best.has(r.passage.docId)) best.set(r.passage.docId, r);
  return best;
}

export interface RankedChunk {
  chunkIndex: number;
  score: number;
  /** The passage that earned the chunk its place: a client can highlight it. */
  best: RankedPassage;
}

/**
 * Chunks ranked by the best passage inside each. A chunk whose best passage another chunk already
 * showed (chunks overlap by a sentence) ranks by its best passage not yet shown.
 */
export function rankChunks(ranked: ReadonlyArray<RankedPassage>, chunks: ReadonlyArray<Chunk>, k: number): RankedChunk[] {
  const chunksOfSentence = new Map<number, number[]>();
  chunks.forEach((c, ci) => {
    for (const sid of c.sentenceIds) chunksOfSentence.set(sid, [...(chunksOfSentence.get(sid) ?? []), ci]);
  });
  const taken = new Set<number>();
  const shown = new Set<number>();
  const out: RankedChunk[] = [];
  for (const r of ranked) {
    if (out.length >= k) break;
    if (shown.has(r.passage.id)) continue;
    const ids = r.passage.sentenceIds;
    const holders = (chunksOfSentence.get(ids[0] ?? -1) ?? []).filter((ci) => !taken.has(ci) && ids.every((sid) => chunks[ci]?.sentenceIds.includes(sid)));
    const chunkIndex = holders[0];
    if (chunkIndex === undefined) continue;
    taken.add(chunkIndex);
    out.push({ chunkIndex, score: r.score, best: r });
    // Every passage inside the chosen chunk has now been shown.
    const inside = new Set(chunks[chunkIndex]?.sentenceIds ?? []);
    for (const other of ranked) if (other.passage.sentenceIds.every((sid) => inside.has(sid))) shown.add(other.passage.id);
  }
  return out;
}

/** @module Section-aware chunking: sentences packed into ~200-word chunks that never cross a section boundary. */
import { cleanText, sliceWithout, squash } from '../text/clean.ts';
import { splitSentences, splitTableRows, type Span } from '../text/sentences.ts';
import type { Chunk, ParsedDocument, Section, SectionKind, Sentence } from '../types.ts';

export interface ChunkOptions {
  /** A chunk closes once it holds this many words (default 200). */
  targetWords: number;
  /** A chunk never grows past this many words unless one sentence is longer (default 250). */
  maxWords: number;
  /** Sentences repeated at the start of the next chunk of the same section (default 1). */
  overlapSentences: number;
  /** A trailing chunk shorter than this joins the previous one (default 60). */
  minWords: number;
}

export const defaultChunkOptions: ChunkOptions = { targetWords: 200, maxWords: 250, overlapSentences: 1, minWords: 60 };

/** Kinds whose text is never chunked: publisher boilerplate, and document titles (every chunk carries its title already). */
const SKIPPED_KINDS: ReadonlySet<SectionKind> = new Set(['metadata', 'title']);
/** Kinds cut out of the running text of the section around them. */
const TAGGED_KINDS: ReadonlySet<SectionKind> = new Set(['sidebar', 'footnote', 'caption', 'metadata', 'table']);

export interface ChunkedCorpus {
  chunks: Chunk[];
  sentences: Sentence[];
}

/** Chunks every document; sentence ids are global across the corpus, chunk ids are `${docId}#${n}`. */
export function chunkCorpus(docs: ReadonlyArray<ParsedDocument>, options: Partial<ChunkOptions> = {}): ChunkedCorpus {
  const opts = { ...defaultChunkOptions, ...options };
  const chunks: Chunk[] = [];
  const sentences: Sentence[] = [];
  for (const doc of docs) {
    let n = 0;
    for (const section of doc.sections) {
      if (SKIPPED_KINDS.has(section.kind)) continue;
      const holes = doc.sections.filter((s) => s.parentId === section.id && TAGGED_KINDS.has(s.kind));
      for (const rawGroup of sentenceGroups(doc, section)) {
        const group = splitOffHeading(doc.text, rawGroup, section);
        if (isOnlyHeading(doc.text, group, section.title)) continue;
        const ids = group.map((span) => {
          const sentence: Sentence = {
            id: sentences.length,
            docId: doc.id,
            sectionId: section.id,
            start: span.start,
            end: span.end,
            cleanText: cleanText(sliceWithout(doc.text, span.start, span.end, holes)),
          };
          sentences.push(sentence);
          return sentence.id;
        });
        for (const packed of pack(ids.map((id) => sentences[id] as Sentence), opts)) {
          const start = packed[0]?.start ?? section.start;
          const end = packed[packed.length - 1]?.end ?? section.end;
          chunks.push({
            id: `${doc.id}#${n++}`,
            docId: doc.id,
            sectionId: section.id,
            sectionPath: section.path,
            start,
            end,
            indexText: `${doc.shortTitle} › ${section.path.join(' › ')}\n${packed.map((s) => s.cleanText).join(' ')}`,
            sentenceIds: packed.map((s) => s.id),
          });
        }
      }
    }
  }
  return { chunks, sentences };
}

/**
 * The sentences of a section's own text (its range minus its child sections), as runs of adjacent
 * text. A run continues across a tagged block that interrupts a sentence (a pull-quote set in the
 * middle of a paragraph), so that sentence stays whole.
 */
function sentenceGroups(doc: ParsedDocument, section: Section): Span[][] {
  const children = doc.sections.filter((s) => s.parentId === section.id).sort((a, b) => a.start - b.start);
  const groups: Span[][] = [];
  let current: Span[] = [];
  let pos = section.start;
  let bridgeable = false;
  const flush = (): void => {
    if (current.length) groups.push(current);
    current = [];
  };
  for (const piece of [...children, { start: section.end, end: section.end, kind: 'heading' as SectionKind }]) {
    const spans = (section.kind === 'table' ? splitTableRows : splitSentences)(doc.text, pos, Math.max(pos, piece.start));
    if (spans.length) {
      const last = current[current.length - 1];
      const first = spans[0] as Span;
      if (bridgeable && last && !/[.!?:"”)]$/.test(doc.text.slice(last.start, last.end))) {
        current[current.length - 1] = { start: last.start, end: first.end };
        current.push(...spans.slice(1));
      } else {
        flush();
        current.push(...spans);
      }
    }
    bridgeable = TAGGED_KINDS.has(piece.kind);
    if (!bridgeable) flush();
    pos = Math.max(pos, piece.end);
  }
  flush();
  return groups;
}

/**
 * Where the section's title ends in the text, when the section starts with it (white space and
 * punctuation may differ: a title can wrap over lines). A title with a label the text does not repeat
 * ("Measure no. 7 …" above a grouped measure's body) is also tried without its first few words.
 */
export function titleEnd(text: string, section: Pick<Section, 'start' | 'end' | 'title'>): number | null {
  const words = section.title.split(/\s+/).filter(Boolean);
  for (let drop = 0; drop <= Math.min(3, words.length - 3); drop++) {
    const end = matchAt(text, section.start, section.end, squash(words.slice(drop).join(' ')));
    if (end !== null) return end;
  }
  return words.length < 3 ? matchAt(text, section.start, section.end, squash(section.title)) : null;
}

function matchAt(text: string, start: number, end: number, wanted: string): number | null {
  if (!wanted) return null;
  let matched = 0;
  for (let i = start; i < end; i++) {
    const ch = text[i] ?? '';
    if (!/[\p{L}\p{N}]/u.test(ch)) continue;
    if (ch.toLowerCase() !== wanted[matched]) return null;
    matched++;
    if (matched === wanted.length) return i + 1 + (/[)\]]/.test(text[i + 1] ?? '') ? 1 : 0);
  }
  return null;
}

/**
 * A heading the sentence splitter could not tell from the text after it (a measure title ending in
 * "(new)" straight above its first paragraph) becomes a sentence of its own, so it is never quoted
 * as part of a fact.
 */
function splitOffHeading(text: string, group: Span[], section: Section): Span[] {
  const [first, ...rest] = group;
  if (!first || first.start !== section.start) return group;
  const end = titleEnd(text, section);
  // Only a title on lines of its own: "Prostitution is legal …" opening a section titled "Prostitution" stays whole.
  if (end === null || end >= first.end || !/^[ \t]*\n/.test(text.slice(end, end + 20))) return group;
  let next = end;
  while (next < first.end && /\s/.test(text[next] ?? '')) next++;
  return [{ start: first.start, end }, { start: next, end: first.end }, ...rest];
}


/** A run that only repeats the section title (a parent whose text all sits in its sub-sections) is not worth a chunk. */
function isOnlyHeading(text: string, group: ReadonlyArray<Span>, title: string): boolean {
  const own = squash(group.map((s) => text.slice(s.start, s.end)).join(' '));
  return own === '' || squash(title).includes(own);
}

function wordCount(s: Sentence): number {
  return s.cleanText.split(' ').filter(Boolean).length;
}

/** Packs sentences greedily into chunks of about `targetWords`, with sentence overlap. */
function pack(sentences: Sentence[], opts: ChunkOptions): Sentence[][] {
  const out: Sentence[][] = [];
  let current: Sentence[] = [];
  let words = 0;
  let fresh = 0;
  for (const sentence of sentences) {
    const w = wordCount(sentence);
    if (fresh > 0 && words + w > opts.maxWords) {
      out.push(current);
      current = current.length > opts.overlapSentences + 1 ? current.slice(-opts.overlapSentences) : [];
      words = current.reduce((sum, s) => sum + wordCount(s), 0);
      fresh = 0;
    }
    current.push(sentence);
    words += w;
    fresh++;
    if (words >= opts.targetWords) {
      out.push(current);
      current = current.length > opts.overlapSentences + 1 ? current.slice(-opts.overlapSentences) : [];
      words = current.reduce((sum, s) => sum + wordCount(s), 0);
      fresh = 0;
    }
  }
  if (fresh > 0) {
    const tail = current;
    const previous = out[out.length - 1];
    const tailWords = tail.reduce((sum, s) => sum + wordCount(s), 0);
    if (previous && tailWords < opts.minWords) {
      const seen = new Set(previous.map((s) => s.id));
      previous.push(...tail.filter((s) => !seen.has(s.id)));
    } else {
      out.push(tail);
    }
  }
  return out;
}

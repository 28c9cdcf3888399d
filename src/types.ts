/** @module Domain types shared by every stage: corpus → ingest → index → retrieve → answer → HTTP. */

/**
 * What a section is. Running-text kinds (`title`, `heading`, `implicit`, `measure`, `preamble`) are
 * chunked and searched; tagged kinds (`sidebar`, `footnote`, `caption`, `metadata`, `table`) are kept
 * out of the running text around them, so a pull-quote never splits a sentence of the body.
 */
export type SectionKind =
  | 'preamble'
  | 'title'
  | 'heading'
  | 'implicit'
  | 'measure'
  | 'sidebar'
  | 'footnote'
  | 'caption'
  | 'metadata'
  | 'table';

/** A node of a document's section tree, with `[start, end)` offsets into the verbatim text. */
export interface Section {
  /** Stable within a document: `s0`, `s1`, … in document order. */
  id: string;
  title: string;
  /** Titles from the document root down to and including this section. */
  path: string[];
  /** 1 for top-level sections; a child is one deeper than its parent. */
  level: number;
  start: number;
  end: number;
  kind: SectionKind;
  parentId: string | null;
}

/** Per-document parsing hints from the manifest, for documents that lost their headings. */
export interface StructureHints {
  /** Regexes (source strings) of lines that are publisher metadata, not content. */
  metadataLines?: string[];
  /** The paragraphs directly under the heading `under` become sections named by `titles`, in order. */
  implicitSections?: { under: string; titles: string[] };
}

export interface DocumentMeta {
  id: string;
  file: string;
  title: string;
  shortTitle: string;
  publisher: string | null;
  date: string | null;
  source: string | null;
  /** The reuse terms, as far as they are known (see corpus/manifest.ts). */
  licence?: string | null;
  /** The years the document reports on ("2024" for the 2025 report), beyond those its title names. */
  yearsCovered?: string[];
  structure?: StructureHints;
  /** Sections whose items are help contacts (see corpus/manifest.ts). */
  help?: { sections: string[] };
}

export interface SourceDocument extends DocumentMeta {
  /** Verbatim file text; every offset in the system refers to it. */
  text: string;
}

export interface ParsedDocument extends SourceDocument {
  /** Flat, in document order; children lie inside their parent's range. */
  sections: Section[];
}

/** A retrievable unit: an exact slice of a document inside one section. */
export interface Chunk {
  /** `${docId}#${index}` */
  id: string;
  docId: string;
  sectionId: string;
  sectionPath: string[];
  start: number;
  end: number;
  /** What is keyword-indexed: cleaned text with the document and section path prepended. */
  indexText: string;
  /** Indexes into the sentence list of the same build, in order. */
  sentenceIds: number[];
}

/** A sentence of running text: the unit of dense retrieval and of extractive answers. */
export interface Sentence {
  id: number;
  docId: string;
  sectionId: string;
  start: number;
  end: number;
  /** Cleaned text (lines joined, hyphenation and footnote markers removed, tagged blocks cut out). */
  cleanText: string;
}

/** A search result. `text === document.text.slice(start, end)`. */
export interface Hit {
  id: string;
  docId: string;
  docTitle: string;
  sectionPath: string[];
  text: string;
  start: number;
  end: number;
  score: number;
  /** The passage inside the chunk that earned it its place, as an exact slice: for highlighting. */
  passage: { start: number; end: number; text: string };
}

/** One turn of a conversation, as the chat API takes it. */
export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

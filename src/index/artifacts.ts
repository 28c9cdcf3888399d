/** @module The saved index: one folder per build, switched in by an atomic write of `CURRENT`. */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IndexLoadError } from '../errors.ts';
import type { SourceDocument } from '../types.ts';
import { INDEX_FORMAT_VERSION, indexFromContents, manifestSchema, type BuiltIndex, type CorpusFile } from './built-index.ts';
import { HnswVectorStore, type HnswOptions } from './hnsw.ts';
import type { VectorStore } from './vector-store.ts';

/** A vector store that can write itself to one file of the build. */
interface SavableVectorStore extends VectorStore {
  save(file: string): Promise<void>;
}

function isSavable(store: VectorStore): store is SavableVectorStore {
  return 'save' in store && typeof store.save === 'function';
}

const DATA_FILES = ['corpus.json', 'passage-search.json', 'lexicon.json', 'sentence-vectors.f32', 'question-vectors.f32', 'sentences.hnsw'] as const;

function floats(vectors: Float32Array): Buffer {
  return Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength);
}

function toFloats(data: Buffer | undefined): Float32Array {
  const raw = data ?? Buffer.alloc(0);
  return new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Identifies the corpus and the code that read it: any change means a rebuild. */
export function corpusHash(docs: ReadonlyArray<SourceDocument>, chunkOptions: object): string {
  const h = createHash('sha256');
  h.update(`format ${INDEX_FORMAT_VERSION}\n${JSON.stringify(chunkOptions)}\n`);
  for (const d of docs) h.update(JSON.stringify(d));
  return h.digest('hex').slice(0, 16);
}

/** Writes a build into a fresh folder, then points `CURRENT` at it by rename (atomic), then removes older builds. */
export async function saveIndex(indexDir: string, index: BuiltIndex): Promise<string> {
  await mkdir(indexDir, { recursive: true });
  const name = `build-${index.manifest.corpusHash}-${randomBytes(4).toString('hex')}`;
  const dir = join(indexDir, name);
  await mkdir(dir);
  const corpusFile: CorpusFile = { sectionsByDoc: index.sectionsByDoc, chunks: index.chunks, sentences: index.sentences, passages: index.passages };
  if (!isSavable(index.vectors)) throw new Error(`the ${index.vectors.name} vector store cannot be saved`);
  await writeFile(join(dir, 'corpus.json'), JSON.stringify(corpusFile));
  await writeFile(join(dir, 'passage-search.json'), index.passageSearch.toJSON());
  await writeFile(join(dir, 'lexicon.json'), JSON.stringify(index.lexicon.toJSON()));
  await writeFile(join(dir, 'sentence-vectors.f32'), floats(index.sentenceVectors));
  await writeFile(join(dir, 'question-vectors.f32'), floats(index.questionVectors));
  await index.vectors.save(join(dir, 'sentences.hnsw'));
  const files: Record<string, string> = {};
  for (const file of DATA_FILES) files[file] = sha256(await readFile(join(dir, file)));
  // The manifest goes last: a folder without one is an unfinished build and is never loaded.
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ ...index.manifest, files }, null, 2));
  await withLock(indexDir, async () => {
    // Two processes may build at once: the newest finished build wins, whichever finishes its save last.
    const current = await readCurrent(indexDir);
    const currentTime = current ? await manifestTime(join(indexDir, current)) : null;
    // Null when a newer concurrent build already removed this one as outdated.
    const ownTime = await manifestTime(dir);
    if (ownTime !== null && (currentTime === null || currentTime <= ownTime)) {
      const pointerTmp = join(indexDir, `CURRENT.${randomBytes(4).toString('hex')}.tmp`);
      await writeFile(pointerTmp, name);
      await rename(pointerTmp, join(indexDir, 'CURRENT'));
    }
    await removeOldBuilds(indexDir, (await readCurrent(indexDir)) ?? name);
  });
  return dir;
}

async function readCurrent(indexDir: string): Promise<string | null> {
  return (await readFile(join(indexDir, 'CURRENT'), 'utf8').catch(() => null))?.trim() ?? null;
}

async function manifestTime(buildDir: string): Promise<number | null> {
  return (await stat(join(buildDir, 'manifest.json')).catch(() => null))?.mtimeMs ?? null;
}

/** A lock older than this was left by a process that died holding it. */
const STALE_LOCK_MS = 60_000;

/** Whether the process that wrote a lock is gone: its pid names no running process on this machine. */
function holderIsGone(content: string): boolean {
  const pid = Number(content.trim());
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Runs `work` holding `indexDir/LOCK`, so pointer switches and clean-ups of concurrent builds never interleave. */
async function withLock(indexDir: string, work: () => Promise<void>): Promise<void> {
  const lock = join(indexDir, 'LOCK');
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 400) throw error;
      // A lock whose process has died is taken over at once; one that cannot be read waits out its age.
      const holder = await readFile(lock, 'utf8').catch(() => '');
      const age = Date.now() - ((await stat(lock).catch(() => null))?.mtimeMs ?? Date.now());
      if (holderIsGone(holder) && (await readFile(lock, 'utf8').catch(() => '')) === holder) await rm(lock, { force: true });
      else if (age > STALE_LOCK_MS) await rm(lock, { force: true });
      else await new Promise((r) => setTimeout(r, 25));
    }
  }
  try {
    await work();
  } finally {
    await rm(lock, { force: true });
  }
}

/** Unfinished builds and stray pointer files younger than this may belong to another process still writing them. */
const IN_PROGRESS_MS = 10 * 60_000;

/**
 * Removes finished builds older than `keep`, and unfinished ones (no manifest) or stray pointer files
 * only once they are old: neither of two concurrent builds may delete what the other is writing.
 */
async function removeOldBuilds(indexDir: string, keep: string): Promise<void> {
  const now = Date.now();
  const keepTime = (await manifestTime(join(indexDir, keep))) ?? now;
  for (const entry of await readdir(indexDir)) {
    if (entry === keep || !(entry.startsWith('build-') || entry.endsWith('.tmp'))) continue;
    const path = join(indexDir, entry);
    const info = await stat(path).catch(() => null);
    if (!info) continue;
    const finishedAt = entry.startsWith('build-') ? await manifestTime(path) : null;
    const olderFinished = finishedAt !== null && finishedAt < keepTime;
    if (olderFinished || (finishedAt === null && now - info.mtimeMs > IN_PROGRESS_MS)) await rm(path, { recursive: true, force: true });
  }
}

/** What `loadIndex` expects; anything else is stale. */
export interface IndexExpectation {
  corpusHash: string;
  embedder: { name: string; dims: number };
}

export type LoadResult = { status: 'loaded'; index: BuiltIndex } | { status: 'missing' | 'stale'; reason: string };

/**
 * Loads the current build. Returns `missing` or `stale` (with why) when a rebuild is due, and throws
 * IndexLoadError when files are there but unreadable or inconsistent.
 */
export async function loadIndex(indexDir: string, expected: IndexExpectation, hnsw: Partial<HnswOptions> = {}): Promise<LoadResult> {
  const name = await readCurrent(indexDir);
  if (name === null) return { status: 'missing', reason: 'no index has been built yet' };
  const dir = join(indexDir, name);
  try {
    const manifest = manifestSchema.parse(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')));
    if (manifest.formatVersion !== INDEX_FORMAT_VERSION) return { status: 'stale', reason: `index format ${manifest.formatVersion} ≠ ${INDEX_FORMAT_VERSION}` };
    if (manifest.corpusHash !== expected.corpusHash) return { status: 'stale', reason: 'the corpus or ingestion code changed' };
    if (manifest.embedder.name !== expected.embedder.name || manifest.embedder.dims !== expected.embedder.dims) {
      return { status: 'stale', reason: `built with embedder ${manifest.embedder.name}, now ${expected.embedder.name}` };
    }
    const contents = new Map<string, Buffer>();
    for (const file of DATA_FILES) {
      const data = await readFile(join(dir, file));
      if (sha256(data) !== manifest.files[file]) throw new Error(`${file} does not match its checksum`);
      contents.set(file, data);
    }
    const vectors = await HnswVectorStore.load(join(dir, 'sentences.hnsw'), manifest.embedder.dims, hnsw);
    const index = indexFromContents(
      {
        manifest,
        corpus: String(contents.get('corpus.json')),
        passageSearch: String(contents.get('passage-search.json')),
        lexicon: String(contents.get('lexicon.json')),
        sentenceVectors: toFloats(contents.get('sentence-vectors.f32')),
        questionVectors: toFloats(contents.get('question-vectors.f32')),
      },
      vectors,
    );
    return { status: 'loaded', index };
  } catch (cause) {
    throw new IndexLoadError(`the index in ${dir} is unreadable`, { cause });
  }
}

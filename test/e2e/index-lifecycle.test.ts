import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openIndex } from '../../src/ingest/open-index.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import type { SourceDocument } from '../../src/types.ts';
import { HashEmbedder } from '../support/hash-embedder.ts';

const doc = (text: string): SourceDocument => ({
  id: 'udi',
  file: 'udi.txt',
  title: 'UDI page',
  shortTitle: 'UDI',
  publisher: null,
  date: null,
  source: null,
  text,
});

const TEXT = '# Help for victims\n\n## Period of reflection\n\nA period of reflection is a residence permit valid for six months.\n\n## Who can help you?\n\nCall the police on 112 in an emergency.\n';

let dir: string;
let logs: string[];
let logger: Logger;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kilde-index-'));
  logs = [];
  logger = createLogger('info', (line) => logs.push(line));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const currentBuild = async (): Promise<string> => join(dir, (await readFile(join(dir, 'CURRENT'), 'utf8')).trim());

describe('openIndex', () => {
  it('takes over at once a LOCK left by a process that has died', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await writeFile(join(dir, 'LOCK'), gone.stdout);
    // A fresh lock of a live process would hold this build for a minute, past the test's time limit.
    const built = await openIndex(dir, [doc(TEXT)], new HashEmbedder(), logger);
    expect(built.rebuilt).toBe(true);
    expect(await readdir(dir)).not.toContain('LOCK');
  });

  it('builds and saves an index when none exists, then loads it without rebuilding', async () => {
    const first = await openIndex(dir, [doc(TEXT)], new HashEmbedder(), logger);
    expect(first.rebuilt).toBe(true);
    const second = await openIndex(dir, [doc(TEXT)], new HashEmbedder(), logger);
    expect(second.rebuilt).toBe(false);
    expect(second.index.chunks).toEqual(first.index.chunks);
    expect(second.index.vectors.search(await new HashEmbedder().embedQuery('reflection period'), 1)).toEqual(
      first.index.vectors.search(await new HashEmbedder().embedQuery('reflection period'), 1),
    );
  });

  it('rebuilds when the corpus text changes', async () => {
    await openIndex(dir, [doc(TEXT)], new HashEmbedder(), logger);
    const changed = await openIndex(dir, [doc(TEXT.replace('six', 'twelve'))], new HashEmbedder(), logger);
    expect(changed.rebuilt).toBe(true);
    expect(logs.join('\n')).toContain('the corpus or ingestion code changed');
  });

  it('rebuilds when the embedder changes', async () => {
    await openIndex(dir, [doc(TEXT)], new HashEmbedder(64), logger);
    const other = await openIndex(dir, [doc(TEXT)], new HashEmbedder(32), logger);
    expect(other.rebuilt).toBe(true);
    expect(other.index.manifest.embedder).toEqual({ name: 'hash-32', dims: 32 });
  });

  it.each(['sentences.hnsw', 'corpus.json', 'passage-search.json', 'lexicon.json', 'sentence-vectors.f32', 'question-vectors.f32', 'manifest.json'])(
    'rebuilds, with a warning, when %s is corrupted',
    async (file) => {
      await openIndex(dir, [doc(TEXT)], new HashEmbedder(), logger);
      await writeFile(join(await currentBuild(), file), 'garbage\u0000\u0001');
      const reopened = await openIndex(dir, [doc(TEXT)], new HashEmbedder(), logger);
      expect(reopened.rebuilt).toBe(true);
      expect(logs.some((l) => l.includes('"level":"warn"') && l.includes('unreadable'))).toBe(true);
      expect(reopened.index.chunks.length).toBeGreaterThan(0);
    },
  );

  it('rebuilds when the current build folder was deleted', async () => {
    await openIndex(dir, [doc(TEXT)], new HashEmbedder(), logger);
    await rm(await currentBuild(), { recursive: true });
    expect((await openIndex(dir, [doc(TEXT)], new HashEmbedder(), logger)).rebuilt).toBe(true);
  });

  it('keeps one build folder and no temporary files after a rebuild', async () => {
    await openIndex(dir, [doc(TEXT)], new HashEmbedder(), logger);
    await openIndex(dir, [doc(TEXT.replace('six', 'seven'))], new HashEmbedder(), logger);
    const entries = await readdir(dir);
    expect(entries.filter((e) => e.startsWith('build-'))).toHaveLength(1);
    expect(entries.filter((e) => e.endsWith('.tmp'))).toEqual([]);
  });

  it('ignores an unfinished build (no manifest) and leaves it to the process that may still be writing it', async () => {
    await openIndex(dir, [doc(TEXT)], new HashEmbedder(), logger);
    const before = await readFile(join(dir, 'CURRENT'), 'utf8');
    await mkdir(join(dir, 'build-inprogress-0000'));
    await writeFile(join(dir, 'build-inprogress-0000', 'corpus.json'), '{"partial":');
    const reopened = await openIndex(dir, [doc(TEXT)], new HashEmbedder(), logger);
    expect(reopened.rebuilt).toBe(false);
    expect(await readFile(join(dir, 'CURRENT'), 'utf8')).toBe(before);
    await openIndex(dir, [doc(TEXT.replace('six', 'nine'))], new HashEmbedder(), logger);
    expect(await readdir(dir)).toContain('build-inprogress-0000');
  });

  it('survives three processes building into one folder at once', async () => {
    const results = await Promise.all([1, 2, 3].map(() => openIndex(dir, [doc(TEXT)], new HashEmbedder(), logger)));
    expect(results.every((r) => r.index.chunks.length > 0)).toBe(true);
    const reopened = await openIndex(dir, [doc(TEXT)], new HashEmbedder(), logger);
    expect(reopened.rebuilt).toBe(false);
  });

  it('serves the index it built when it cannot save it', async () => {
    const notAFolder = join(dir, 'file');
    await writeFile(notAFolder, 'x');
    const result = await openIndex(notAFolder, [doc(TEXT)], new HashEmbedder(), logger);
    expect(result.index.chunks.length).toBeGreaterThan(0);
    expect(logs.some((l) => l.includes('could not save'))).toBe(true);
  });
});

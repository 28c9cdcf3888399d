/** @module Reads the corpus folder (manifest + verbatim texts) into memory. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../errors.ts';
import type { SourceDocument } from '../types.ts';
import { manifestSchema } from './manifest.ts';

/** Loads every document named in `corpusDir/manifest.json`, verbatim (no normalisation of any kind). */
export async function loadCorpus(corpusDir: string): Promise<SourceDocument[]> {
  const manifestPath = join(corpusDir, 'manifest.json');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(manifestPath, 'utf8'));
  } catch (cause) {
    throw new ConfigError(`cannot read the corpus manifest at ${manifestPath}`, { cause });
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(`invalid corpus manifest ${manifestPath}: ${formatIssues(parsed.error.issues)}`);
  }
  return Promise.all(
    parsed.data.documents.map(async (meta) => ({ ...meta, text: await readFile(join(corpusDir, meta.file), 'utf8') })),
  );
}

function formatIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

// @ts-check
// The compiled program: `tsc -p tsconfig.build.json` turns src/ into JavaScript in dist/node, so
// production runs plain `node` (no loader process between a process manager's SIGTERM and the
// server). Rebuilt when missing or when any source file changed: a stamp in dist/node holds a hash
// of what it was compiled from. Run directly (`npm run build`) it builds now and says where.
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist', 'node');
const stampFile = join(outDir, 'source.sha256');

/** A hash of everything the build reads: the compiler's version, its settings and every source file. */
function sourceHash(tsc) {
  const hash = createHash('sha256').update(tsc.version);
  for (const file of ['tsconfig.json', 'tsconfig.build.json']) hash.update(file).update(readFileSync(join(root, file)));
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => !f.endsWith('.test.ts')).sort();
  for (const file of files) {
    const path = join(root, 'src', file);
    if (/\.(ts|mjs|json)$/.test(file)) hash.update(file).update(readFileSync(path));
  }
  return hash.digest('hex');
}

/** Whether process `pid` is running (EPERM: it is, as another user's). */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * How old a build folder must be before it counts as abandoned: a compile takes ~10 s here, and a
 * process in another pid namespace (a container sharing the folder) may look dead while it builds.
 */
const ABANDONED_AFTER_MS = 10 * 60_000;

/** Removes what builds left whose process died mid-compile (killed, out of memory): no one will swap them in. */
function sweepAbandonedBuilds() {
  const dist = dirname(outDir);
  if (!existsSync(dist)) return;
  for (const name of readdirSync(dist)) {
    const pid = /^node\.build-(\d+)-[0-9a-f]+$/.exec(name)?.[1];
    const folder = join(dist, name);
    if (pid && !alive(Number(pid)) && Date.now() - statSync(folder).mtimeMs > ABANDONED_AFTER_MS) rmSync(folder, { recursive: true, force: true });
  }
}

/** The TypeScript compiler when it is installed (it is a dev dependency: `npm ci --omit=dev` leaves it out). */
function typescript() {
  try {
    const require = createRequire(join(root, 'package.json'));
    const bin = require.resolve('typescript/bin/tsc');
    const { version } = JSON.parse(readFileSync(join(dirname(bin), '..', 'package.json'), 'utf8'));
    return { bin, version };
  } catch {
    return null;
  }
}

/**
 * The path of the compiled `cli/kilde.js`, built first when missing or stale; `null` when there is
 * no compiler and no up-to-date build (the caller then runs the sources through tsx).
 */
export function compiledEntry({ force = false, log = (/** @type {string} */ line) => process.stderr.write(`${line}\n`) } = {}) {
  const entry = join(outDir, 'cli', 'kilde.js');
  sweepAbandonedBuilds();
  const tsc = typescript();
  if (!tsc) return existsSync(entry) ? entry : null;
  const wanted = sourceHash(tsc);
  const built = () => existsSync(entry) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted;
  if (!force && built()) return entry;

  // Built beside the old output and swapped in whole, so a second process starting at the same
  // time never imports a half-written tree.
  const started = Date.now();
  log(`kilde: compiling src/ to dist/node (${existsSync(entry) ? 'sources changed' : 'first run'})…`);
  const temp = `${outDir}.build-${process.pid}-${randomBytes(4).toString('hex')}`;
  const result = spawnSync(process.execPath, [tsc.bin, '-p', join(root, 'tsconfig.build.json'), '--outDir', temp], { cwd: root, encoding: 'utf8' });
  // tsc writes JavaScript even when it finds type errors; those are reported, not fatal, as under tsx.
  if (result.status !== 0) log(`kilde: tsc reported problems (the JavaScript was still written):\n${result.stdout}${result.stderr}`);
  if (!existsSync(join(temp, 'cli', 'kilde.js'))) {
    rmSync(temp, { recursive: true, force: true });
    throw new Error(`tsc did not compile src/ (exit ${result.status}): ${result.error?.message ?? result.stderr}`);
  }
  // Files tsc does not emit: the embedding worker is plain JavaScript already.
  for (const file of readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mjs'))) {
    writeFileSync(join(temp, file), readFileSync(join(root, 'src', file)));
  }
  writeFileSync(join(temp, 'source.sha256'), wanted);
  if (!force && built()) {
    rmSync(temp, { recursive: true, force: true });
    return entry;
  }
  rmSync(outDir, { recursive: true, force: true });
  try {
    renameSync(temp, outDir);
  } catch (error) {
    // Another process swapped its build in between: the same sources, so use that one.
    rmSync(temp, { recursive: true, force: true });
    if (!built()) throw error;
  }
  log(`kilde: compiled in ${Date.now() - started} ms`);
  return entry;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const entry = compiledEntry({ force: process.argv.includes('--force') });
  if (!entry) {
    process.stderr.write('kilde: typescript is not installed (npm ci installs it), so there is nothing to compile with\n');
    process.exit(1);
  }
  process.stdout.write(`${entry}\n`);
}

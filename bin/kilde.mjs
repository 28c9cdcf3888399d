#!/usr/bin/env node
// The `kilde` command. It runs the compiled JavaScript in dist/node (compiled first when missing or
// stale), in this process, so signals reach the server directly. Without the TypeScript compiler
// (a production install without dev dependencies) and no build, or where it cannot write dist/,
// it runs the sources through tsx.
import { compiledEntry } from './compiled.mjs';

// Stack traces name the TypeScript lines, not the compiled ones.
process.setSourceMapsEnabled(true);
let entry = null;
try {
  entry = compiledEntry();
} catch (error) {
  // A read-only install, say: the sources still run, through tsx.
  process.stderr.write(`kilde: could not compile to dist/node (${error instanceof Error ? error.message : String(error)}); running the sources through tsx\n`);
}
if (entry) {
  await import(entry);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/kilde.ts');
}

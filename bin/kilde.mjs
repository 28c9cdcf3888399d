#!/usr/bin/env node
// The `kilde` command. It runs the compiled JavaScript in dist/node (compiled first when missing or
// stale), in this process, so signals reach the server directly. Without the TypeScript compiler
// (a production install without dev dependencies) and no build, it runs the sources through tsx.
import { compiledEntry } from './compiled.mjs';

// Stack traces name the TypeScript lines, not the compiled ones.
process.setSourceMapsEnabled(true);
const entry = compiledEntry();
if (entry) {
  await import(entry);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/kilde.ts');
}

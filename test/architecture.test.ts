import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');

/** A folder of src/, or a file at its top (config.ts, runtime.ts …), which stands on its own. */
const nodeOf = (path: string): string => path.split('/')[0] ?? path;

/** Every folder (and top-level file) of src/, with those it imports from, tests aside. */
function folderImports(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of readdirSync(SRC, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.endsWith('.d.ts')) continue;
    const from = nodeOf(file);
    const text = readFileSync(join(SRC, file), 'utf8');
    for (const m of text.matchAll(/^(?:import|export)[^'"]*from\s+'(\.[^']+)'/gm)) {
      const target = relative(SRC, resolve(dirname(join(SRC, file)), m[1] ?? ''));
      if (target.startsWith('..')) continue;
      const to = nodeOf(target);
      if (to === from) continue;
      graph.set(from, new Set([...(graph.get(from) ?? []), to]));
    }
  }
  return graph;
}

/** A cycle of folders, as a path, or null. */
function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const walk = (node: string, path: string[]): string[] | null => {
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    if (state.get(node) === 'done') return null;
    state.set(node, 'open');
    for (const next of graph.get(node) ?? []) {
      const cycle = walk(next, [...path, node]);
      if (cycle) return cycle;
    }
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = walk(node, []);
    if (cycle) return cycle;
  }
  return null;
}

describe('the layout of src/', () => {
  it('has no import cycle between its folders and top-level files', () => {
    expect(findCycle(folderImports())).toBeNull();
  });
});

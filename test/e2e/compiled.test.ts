import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('bin/compiled.mjs', () => {
  it('removes the half-written build of a compile whose process died, and leaves a running one alone', () => {
    // Above the largest pid Linux hands out (2^22), so no process has it.
    const dead = join(root, 'dist', 'node.build-999999999-deadbeef');
    const running = join(root, 'dist', `node.build-${process.pid}-cafe0001`);
    for (const dir of [dead, running]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'half.js'), '');
    }
    try {
      const result = spawnSync(process.execPath, ['bin/compiled.mjs'], { cwd: root, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout.trim()).toBe(join(root, 'dist', 'node', 'cli', 'kilde.js'));
      expect(existsSync(dead)).toBe(false);
      expect(existsSync(running)).toBe(true);
    } finally {
      rmSync(dead, { recursive: true, force: true });
      rmSync(running, { recursive: true, force: true });
    }
  });
});

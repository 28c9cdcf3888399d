import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('bin/compiled.mjs', () => {
  it('removes the half-written build of a compile whose process died long ago, and leaves running and recent ones alone', () => {
    // Above the largest pid Linux hands out (2^22), so no process has it.
    const dead = join(root, 'dist', 'node.build-999999999-deadbeef');
    const recent = join(root, 'dist', 'node.build-999999998-deadbeef');
    const running = join(root, 'dist', `node.build-${process.pid}-cafe0001`);
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const dir of [dead, recent, running]) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'half.js'), '');
    }
    for (const dir of [dead, running]) utimesSync(dir, hourAgo, hourAgo);
    try {
      const result = spawnSync(process.execPath, ['bin/compiled.mjs'], { cwd: root, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout.trim()).toBe(join(root, 'dist', 'node', 'cli', 'kilde.js'));
      expect(existsSync(dead)).toBe(false);
      expect(existsSync(recent)).toBe(true);
      expect(existsSync(running)).toBe(true);
    } finally {
      for (const dir of [dead, recent, running]) rmSync(dir, { recursive: true, force: true });
    }
  });
});

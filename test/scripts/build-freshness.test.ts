import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBuildStale, newestChange } from '../../scripts/build-freshness.mjs';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'web-build-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `path` under the temp folder with modification time `seconds` since the epoch. */
const touch = (path: string, seconds: number) => {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, 'x');
  utimesSync(full, seconds, seconds);
  return full;
};

describe('build freshness', () => {
  it('asks for a build when the output file is missing', () => {
    touch('src/app.tsx', 100);
    expect(isBuildStale(join(dir, 'dist/index.html'), [join(dir, 'src')])).toBe(true);
  });

  it('keeps a build newer than every source', () => {
    touch('src/app.tsx', 100);
    touch('src/deep/chart.ts', 200);
    touch('dist/index.html', 300);
    expect(isBuildStale(join(dir, 'dist/index.html'), [join(dir, 'src')])).toBe(false);
  });

  it('rebuilds when a source deep in a folder changed after the build', () => {
    touch('dist/index.html', 300);
    touch('src/app.tsx', 100);
    touch('src/deep/chart.ts', 400);
    expect(isBuildStale(join(dir, 'dist/index.html'), [join(dir, 'src')])).toBe(true);
  });

  it('treats a missing input as unchanged', () => {
    touch('dist/index.html', 300);
    expect(newestChange(join(dir, 'nowhere'))).toBe(0);
    expect(isBuildStale(join(dir, 'dist/index.html'), [join(dir, 'nowhere')])).toBe(false);
  });
});

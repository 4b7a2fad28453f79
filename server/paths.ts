import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder at or above `start` that holds a package.json; throws when there is none. */
export function findProjectRoot(start: string): string {
  let folder = start;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${start}`);
    folder = parent;
  }
  return folder;
}

/**
 * The project folder (package.json, drizzle/), found the same way from the sources
 * (server/<folder>/) and from the compiled server (dist/server/).
 */
export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** The `version` of package.json. */
export function packageVersion(): string {
  const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  return version;
}

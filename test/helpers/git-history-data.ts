import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** git's own history, 2023-01 to 2026-08 (9,334 commits), in the import format; beside the clone in ../shared/data. */
export const gitHistoryFile = resolve(
  repoRoot,
  '..',
  'shared',
  'data',
  'git-history',
  'git-2023-2026.log.gz',
);

/** The compressed bytes of {@link gitHistoryFile}. */
export const gitHistoryGzip = (): Buffer => readFileSync(gitHistoryFile);

/** The text of {@link gitHistoryFile}. */
export const gitHistoryText = (): string => gunzipSync(gitHistoryGzip()).toString('utf8');

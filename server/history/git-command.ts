import { spawn } from 'node:child_process';

/** The exact log format the importer reads. */
export const gitLogFormat = '%x1e%H%x1f%aN%x1f%aE%x1f%aI%x1f%cN%x1f%cE%x1f%cI%x1f%B%x1f';

/** The arguments of `git log` for a clone at `repo`, from `since` (YYYY-MM-DD) when given. */
export const gitLogArgs = (repo: string, since?: string): string[] => [
  '-C',
  repo,
  'log',
  '--no-merges',
  ...(since ? [`--since=${since}`] : []),
  '--shortstat',
  `--format=${gitLogFormat}`,
];

/**
 * Runs `git log` on a local clone, without a shell (the arguments go to git as they are), and
 * yields its output as it comes: execFile would collect the whole output in memory first. Throws
 * with git's own message when git fails.
 */
export async function* gitLogOutput(repo: string, since?: string): AsyncGenerator<Uint8Array> {
  const child = spawn('git', gitLogArgs(repo, since), { shell: false, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  try {
    yield* child.stdout;
    const code = await exited;
    if (code !== 0) throw new Error(`git log failed (${code}): ${Buffer.concat(stderr).toString().trim()}`);
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

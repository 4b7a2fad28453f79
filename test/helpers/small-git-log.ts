/** One commit in the import format (`i` gives its hash): `author` authored at `authored`, `committer` landed it at `committed`. */
export const commit = (i: number, author: string, committer: string, authored: string, committed: string) =>
  `\x1e${i.toString(16).padStart(40, '0')}\x1f${author}\x1f${author}@x.test\x1f${authored}\x1f${committer}\x1f${committer}@x.test\x1f${committed}\x1fchange ${i}\n\x1f\n 1 file changed, 3 insertions(+)\n`;

export const gitDate = (d: Date) => d.toISOString().replace('.000Z', '+00:00');

/**
 * A small git history: `weeks` weeks from Monday 2026-01-05; ann and bob each author 3 changes a
 * week (Monday to Wednesday), lee lands each a day later.
 */
export const smallGitLog = (weeks = 30): string =>
  Array.from({ length: weeks * 6 }, (_, i) => {
    const day = new Date(Date.UTC(2026, 0, 5 + Math.floor(i / 6) * 7 + (i % 3)));
    return commit(
      i,
      i % 2 ? 'ann' : 'bob',
      'lee',
      gitDate(day),
      gitDate(new Date(day.getTime() + 86_400_000)),
    );
  }).join('');

/** One commit per instant (git's ISO form), each authored by ann and landed by lee at that instant. */
export const gitLogAt = (...instants: string[]): string =>
  instants.map((instant, i) => commit(i, 'ann', 'lee', instant, instant)).join('');

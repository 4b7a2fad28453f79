import { Rng } from '../../../shared/index';

/** Resamples a moving-block bootstrap draws. */
export const BOOTSTRAP_RESAMPLES = 200;

/** Block length for `n` weeks: n^(1/3) rounded, at least 1 (keeps a few weeks of autocorrelation). */
export const blockLength = (n: number): number => Math.max(1, Math.round(Math.cbrt(n)));

/**
 * Moving-block bootstrap over weeks: each resample joins blocks of `blockLength(n)` consecutive
 * indices with uniformly drawn starts until it holds n indices. Seeded, so the same seed gives
 * the same resamples. Returns each resample as a list of original indices (their time order kept
 * within blocks).
 */
export function blockResamples(n: number, seed: number, count = BOOTSTRAP_RESAMPLES): number[][] {
  if (n === 0) return [];
  const rng = new Rng(seed);
  const block = Math.min(blockLength(n), n);
  const starts = n - block + 1;
  return Array.from({ length: count }, () => {
    const picked: number[] = [];
    while (picked.length < n) {
      const start = Math.min(starts - 1, Math.floor(rng.next() * starts));
      for (let i = 0; i < block && picked.length < n; i++) picked.push(start + i);
    }
    return picked;
  });
}

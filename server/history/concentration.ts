/**
 * Reviewer concentration: the share (0-1, to 0.001) of sign-offs made by the busiest reviewer and
 * by the busiest three; null when nobody signed off someone else's change.
 */
export function concentration(signoffs: Record<string, number>): {
  top1Share: number | null;
  top3Share: number | null;
} {
  const counts = Object.values(signoffs).sort((a, b) => b - a);
  const total = counts.reduce((sum, n) => sum + n, 0);
  if (total === 0) return { top1Share: null, top3Share: null };
  const share = (n: number) => Math.round((n / total) * 1000) / 1000;
  return { top1Share: share(counts[0]!), top3Share: share(counts.slice(0, 3).reduce((s, n) => s + n, 0)) };
}

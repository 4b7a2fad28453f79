/**
 * Where headline figures come from, in words: the percentile and the run they are read on (issue
 * #14: every figure names its percentile and source).
 */

/** "P50, 500-run server forecast of version 3". */
export const storedFiguresSource = (run: { version: number; options: { runs?: number } }): string =>
  `P50, ${run.options.runs ?? 0}-run server forecast of version ${run.version}`;

/**
 * "Live preview: P50 of 100 Monte Carlo runs in this browser", or of the first runs while the rest
 * compute, or its mean path before any bands; `why` follows in brackets ("unsaved changes").
 */
export const previewFiguresSource = (
  runs: number,
  preview: { settled: () => boolean; partialRuns: () => number | null },
  why = '',
): string => {
  const partial = preview.partialRuns();
  const read = preview.settled()
    ? `P50 of ${runs} Monte Carlo runs`
    : partial !== null
      ? `P50 of the first ${partial} of ${runs} Monte Carlo runs`
      : 'mean path';
  return `Live preview: ${read} in this browser${why ? ` (${why})` : ''}`;
};

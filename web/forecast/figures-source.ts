/**
 * Where headline figures come from, in words: the percentile and the run they are read on (issue
 * #14: every figure names its percentile and source).
 */

/** What the headline figures are read on: the P50 of Monte Carlo runs, or the mean path before any bands. */
export type FiguresReading = 'P50' | 'mean path';

/** The reading and the source line of a forecast's headline figures. */
export interface FiguresSource {
  reading: FiguresReading;
  /** "P50, 500-run server forecast of version 3" or "Live preview: mean path in this browser (...)". */
  text: string;
  /** The run alone, for chart read-outs, tables and legends: "500-run server forecast", "live preview, 200 runs". */
  run: string;
}

/** "P50, 500-run server forecast of version 3". */
export const storedFiguresSource = (run: { version: number; options: { runs?: number } }): FiguresSource => ({
  reading: 'P50',
  text: `P50, ${run.options.runs ?? 0}-run server forecast of version ${run.version}`,
  run: `${run.options.runs ?? 0}-run server forecast`,
});

/**
 * "Live preview: P50 of 100 Monte Carlo runs in this browser", or of the first runs while the rest
 * compute, or its mean path before any bands; `why` follows in brackets ("unsaved changes").
 */
export const previewFiguresSource = (
  runs: number,
  preview: { settled: () => boolean; partialRuns: () => number | null },
  why = '',
): FiguresSource => {
  const partial = preview.partialRuns();
  const banded = preview.settled() || partial !== null;
  const read = preview.settled()
    ? `P50 of ${runs} Monte Carlo runs`
    : partial !== null
      ? `P50 of the first ${partial} of ${runs} Monte Carlo runs`
      : 'mean path';
  return {
    reading: banded ? 'P50' : 'mean path',
    text: `Live preview: ${read} in this browser${why ? ` (${why})` : ''}`,
    run: preview.settled()
      ? `live preview, ${runs} runs`
      : partial !== null
        ? `live preview, first ${partial} of ${runs} runs`
        : 'live preview',
  };
};

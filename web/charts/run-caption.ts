/**
 * What a chart shows and from which run, for its caption and legend (issue #14: every figure
 * names its percentile and source): "P50 and P10-P90 band of the 500-run server forecast",
 * "mean path of the live preview"; without a known run, the reading alone.
 */
export const runCaption = (reading: string, source?: string): string =>
  source ? `${reading} of the ${source}` : reading;

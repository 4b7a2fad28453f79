import type { BreachMetric } from '../../shared';
import { formatNumber } from '../format';

/**
 * Each watched metric in words, with how its values read (percent, hours, weeks, index); `extra`
 * decimals beyond the usual ones, for a value that would otherwise read the same as its threshold.
 */
export const metricWords: Record<
  BreachMetric,
  { name: string; show: (value: number, extra?: number) => string }
> = {
  serviceLevel: {
    name: 'service level',
    show: (v, extra = 0) => `${formatNumber(v * 100, extra)}% within target`,
  },
  p90WaitHours: { name: 'P90 wait', show: (v, extra = 0) => `${formatNumber(v, 1 + extra)} h` },
  backlogWeeks: { name: 'backlog', show: (v, extra = 0) => `${formatNumber(v, 1 + extra)} weeks` },
  utilization: { name: 'utilisation', show: (v, extra = 0) => `${formatNumber(v * 100, extra)}%` },
  burnoutRisk: { name: 'burnout risk', show: (v, extra = 0) => `${formatNumber(v, extra)} / 100` },
};

/** Decimals beyond the usual a crossing may add before it gives up telling value and threshold apart. */
const MAX_EXTRA_DECIMALS = 3;

/**
 * "utilisation 91% > 85%": the metric, the P50 value that crossed and the threshold. A value that
 * rounds to its threshold gets more decimals ("85.1% > 85%"), never "85% > 85%".
 */
export const crossing = (b: { metric: BreachMetric; threshold: number; value: number }): string => {
  const words = metricWords[b.metric];
  const sign = b.metric === 'serviceLevel' ? '<' : '>';
  const threshold = words.show(b.threshold);
  let extra = 0;
  while (extra < MAX_EXTRA_DECIMALS && words.show(b.value, extra) === threshold) extra++;
  return `${words.name} ${words.show(b.value, extra)} ${sign} ${threshold}`;
};

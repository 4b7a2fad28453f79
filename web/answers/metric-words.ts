import type { BreachMetric } from '../../shared';
import { formatNumber } from '../format';

/** Each watched metric in words, with how its values read (percent, hours, weeks, index). */
export const metricWords: Record<BreachMetric, { name: string; show: (value: number) => string }> = {
  serviceLevel: { name: 'service level', show: (v) => `${formatNumber(v * 100, 0)}% within target` },
  p90WaitHours: { name: 'P90 wait', show: (v) => `${formatNumber(v, 1)} h` },
  backlogWeeks: { name: 'backlog', show: (v) => `${formatNumber(v, 1)} weeks` },
  utilization: { name: 'utilisation', show: (v) => `${formatNumber(v * 100, 0)}%` },
  burnoutRisk: { name: 'burnout risk', show: (v) => `${formatNumber(v, 0)} / 100` },
};

/** "utilisation 91% > 85%": the metric, the P50 value that crossed and the threshold. */
export const crossing = (b: { metric: BreachMetric; threshold: number; value: number }): string => {
  const words = metricWords[b.metric];
  const sign = b.metric === 'serviceLevel' ? '<' : '>';
  return `${words.name} ${words.show(b.value)} ${sign} ${words.show(b.threshold)}`;
};

import type { Thresholds } from './options';

/** How a threshold reads to a person: its name, unit, which side breaches, and where its default comes from. */
export interface ThresholdInfo {
  key: keyof Thresholds;
  label: string;
  unit: string;
  /** 'below': a value under the threshold breaches (service level); 'above': over it breaches. */
  breachWhen: 'above' | 'below' | 'target';
  /** Where the default comes from (reference ids of /work/shared/reference/calibration.md or the design brief). */
  source: string;
}

/** Every threshold in the order the editor shows them. */
export const thresholdInfo: readonly ThresholdInfo[] = [
  {
    key: 'utilization',
    label: 'Reviewer utilisation',
    unit: 'share of review hours (0.85 = 85%)',
    breachWhen: 'above',
    source: 'Occupancy cap 0.85 of the staffing check in the calibration reference (Erlang C worked example)',
  },
  {
    key: 'serviceLevel',
    label: 'Service level',
    unit: 'share of sign-offs within the target wait (0.8 = 80%)',
    breachWhen: 'below',
    source: '80/20 service-level convention of queueing practice',
  },
  {
    key: 'targetWaitHours',
    label: 'Target wait for the service level',
    unit: 'working hours',
    breachWhen: 'target',
    source: 'Two working days; R23: median review latency 17-24 h at large companies',
  },
  {
    key: 'p90WaitHours',
    label: 'P90 wait for a sign-off',
    unit: 'working hours',
    breachWhen: 'above',
    source: 'One working week; R27: dissatisfaction once P75 time-in-review passes 24 h',
  },
  {
    key: 'backlogWeeks',
    label: 'Backlog',
    unit: 'weeks of sign-off capacity',
    breachWhen: 'above',
    source: 'Design brief example alert: backlog above 2 weeks',
  },
  {
    key: 'burnoutRisk',
    label: 'Burnout risk',
    unit: 'index 0-100',
    breachWhen: 'above',
    source: 'Mid-scale of the 0-100 index; R32: workload is the top burnout cause',
  },
];

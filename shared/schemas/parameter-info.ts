import type { ParameterName } from './parameters';

/** How a model parameter reads to a person: its name, unit and where its default comes from. */
export interface ParameterInfo {
  name: ParameterName;
  label: string;
  unit: string;
  /** Reference ids of /work/shared/reference/calibration.md ([R07]) or the reasoning behind the default. */
  source: string;
}

/** Every model parameter in the order the settings page shows them (the engine's draw order). */
export const parameterInfo: readonly ParameterInfo[] = [
  {
    name: 'baselineAiAdoption',
    label: 'AI adoption today',
    unit: 'share of engineers (0.5 = 50%)',
    source: '[R04] 75.9% rely on AI for a daily task; [R43] the push to 80% weekly use implies well below it',
  },
  {
    name: 'adopterChangeMultiplier',
    label: 'Changes per week of an AI adopter',
    unit: '× a non-adopter',
    source: '[R09] pull requests touched per day +47%',
  },
  {
    name: 'aiAssistedShare',
    label: 'AI-assisted share of an adopter’s changes',
    unit: 'share of changes (0-1)',
    source: '[R13] about 50% of new code',
  },
  {
    name: 'humanReviewHours',
    label: 'Review time of a human-written change',
    unit: 'hours per change',
    source: '[R24] 3.2 h/week over [R21] 4 reviews/week',
  },
  {
    name: 'aiReviewTimeMultiplier',
    label: 'Review time of an AI-assisted change',
    unit: '× a human-written change',
    source: '[R07] pull request review time +91%',
  },
  {
    name: 'ordinaryReviewShare',
    label: 'Unmarked changes reviewed by sign-off levels anyway',
    unit: 'share of changes (0-1)',
    source: 'Set so a reviewer does about 4 reviews a week [R21] in a 3/5/3/1 team',
  },
  {
    name: 'reviewHoursPerReviewer',
    label: 'Review hours of a sign-off reviewer',
    unit: 'hours per week',
    source: '[R25] 15% of a 40 h week; [R24] 6.4 h/week',
  },
  {
    name: 'shrinkage',
    label: 'Shrinkage (leave, holidays, sickness)',
    unit: 'share of review hours (0-1)',
    source: 'About 30 of 230 working days',
  },
  {
    name: 'workHoursPerWeek',
    label: 'Working week',
    unit: 'hours per week (waits are in working hours)',
    source: '[R33] 35-40 h standard week',
  },
  {
    name: 'maxOvertimeHours',
    label: 'Overtime cap per reviewer',
    unit: 'hours per week',
    source: '[R33] harm rises from 55 h; 48 h is the EU Working Time Directive’s average limit',
  },
  {
    name: 'overtimeResponse',
    label: 'Excess review work absorbed as overtime',
    unit: 'share (0-1)',
    source: 'Assumption: most but not all',
  },
  {
    name: 'fatigueGain',
    label: 'Weekly fatigue gain at the overtime cap',
    unit: 'share per week (0-1)',
    source: 'No published coefficient: about 50% after 8 weeks at the cap',
  },
  {
    name: 'fatigueRecovery',
    label: 'Weekly fatigue recovery without overtime',
    unit: 'share per week (0-1)',
    source: 'Half-life about 17 weeks; [R36] exhaustion drains slowly',
  },
  {
    name: 'baseAttritionPerYear',
    label: 'Routine attrition (backfilled)',
    unit: 'share per year (0-1)',
    source: 'Tech-industry turnover about 13% (LinkedIn 2018 talent report)',
  },
  {
    name: 'burnoutHazardMultiplier',
    label: 'Attrition hazard at full fatigue',
    unit: '× routine attrition',
    source: '[R30] 2.6×, [R31] 2.1× job seeking at high burnout',
  },
  {
    name: 'sev2PerThousandChanges',
    label: 'Severity-2 incidents at full review depth',
    unit: 'per 1,000 merged changes',
    source: 'Assumption sized to [R34]: a few a quarter per team',
  },
  {
    name: 'aiDefectMultiplier',
    label: 'Incident rate of AI-assisted changes',
    unit: '× a human-written change',
    source: '[R02] stability -7.2% per +25% adoption; [R09] bugs +9%',
  },
  {
    name: 'depthSensitivity',
    label: 'Extra defect escape per unit of overload',
    unit: 'per unit of review pressure above 1',
    source: '[R26] inspection effectiveness falls past 300-500 LOC/h',
  },
  {
    name: 'incidentHours',
    label: 'Reviewer hours per severity-2 incident',
    unit: 'hours per incident',
    source: '[R34] about 6 h per incident ([R35] 1.2 responders × 126 min is the low end)',
  },
  {
    name: 'serviceCv',
    label: 'Variation of review times',
    unit: 'coefficient of variation (1 = exponential)',
    source: 'Exponential service; raise for the skew of [R22] change sizes (Allen-Cunneen)',
  },
  {
    name: 'activeReviewerShare',
    label: 'Share of sign-off-level people who review',
    unit: 'share (0-1)',
    source:
      'Default 1 (everyone at a sign-off level reviews); a calibration fits it from who signed off in the history',
  },
  {
    name: 'arrivalDispersion',
    label: 'Burstiness of weekly sign-off demand',
    unit: "variance of a week's rate over its mean squared (0 = Poisson weeks)",
    source:
      'Default 0 (Poisson arrivals, as in the queueing formulas of calibration.md); a calibration fits it from the spread of weekly sign-off counts',
  },
];

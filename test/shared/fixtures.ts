import {
  type Breaches,
  bandedMetricKeys,
  type Forecast,
  type ForecastInputRaw,
  type ScenarioEventInput,
} from '../../shared/index';

/** `count` teams of 3 juniors, 5 mids, 3 seniors and 1 principal. */
export const teamsOf = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `team-${i}`,
    name: `Team ${i}`,
    headcount: { junior: 3, mid: 5, senior: 3, principal: 1 },
  }));

/** The seed story [R42]-[R44]: ~10% cut, push to 80% AI use, senior sign-off for junior and mid AI changes. */
export const storyEvents: ScenarioEventInput[] = [
  { type: 'layoff', date: '2026-01-12', percent: 10 },
  { type: 'ai-adoption', date: '2026-01-05', targetPercent: 80, rampWeeks: 26, shape: 's-curve' },
  {
    type: 'review-policy',
    date: '2026-03-02',
    rules: { junior: { ai: true, human: false }, mid: { ai: true, human: false } },
  },
];

/** A forecast input over `teams` fixture teams with the given events and options. */
export const inputWith = (
  events: ScenarioEventInput[],
  options: Partial<ForecastInputRaw['options']> = {},
  teams: ForecastInputRaw['org']['teams'] = teamsOf(3),
): ForecastInputRaw => ({
  org: { teams },
  scenario: { name: 'test', events },
  options: { startWeek: '2026-01-05', ...options },
});

/** Every number of every band of every series, team and org, in a forecast. */
export const allValues = (forecast: Forecast): number[] =>
  [forecast.org, ...forecast.teams].flatMap(({ metrics }) =>
    [...bandedMetricKeys.map((key) => metrics[key]), ...Object.values(metrics.headcount)].flatMap((band) => [
      ...band.p10,
      ...band.p50,
      ...band.p90,
    ]),
  );

/** No breach of any threshold. */
export const noBreaches: Breaches = {
  serviceLevel: null,
  p90WaitHours: null,
  backlogWeeks: null,
  utilization: null,
  burnoutRisk: null,
};

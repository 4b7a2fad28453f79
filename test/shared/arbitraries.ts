import fc from 'fast-check';
import type { ForecastInputRaw, ScenarioEventInput } from '../../shared/index';

const levels = ['junior', 'mid', 'senior', 'principal'] as const;
const date = fc
  .integer({ min: -8, max: 70 })
  .map((week) => new Date(Date.UTC(2026, 0, 5 + week * 7)).toISOString().slice(0, 10));
const level = fc.constantFrom(...levels);
const team = fc.constantFrom('t0', 't1', 't2');

/** Any valid scenario event over teams t0-t2 and the default ladder. */
export const eventArb: fc.Arbitrary<ScenarioEventInput> = fc.oneof(
  fc.record({
    type: fc.constant('layoff' as const),
    date,
    percent: fc.double({ min: 0, max: 100, noNaN: true }),
  }),
  fc.record({ type: fc.constant('layoff' as const), date, level, count: fc.integer({ min: 0, max: 30 }) }),
  fc.record({
    type: fc.constant('hire' as const),
    date,
    teamId: team,
    level,
    count: fc.integer({ min: 1, max: 20 }),
    rampWeeks: fc.integer({ min: 0, max: 30 }),
  }),
  fc.record({
    type: fc.constant('ai-adoption' as const),
    date,
    targetPercent: fc.double({ min: 0, max: 100, noNaN: true }),
    rampWeeks: fc.integer({ min: 1, max: 60 }),
    shape: fc.constantFrom('linear' as const, 's-curve' as const),
  }),
  fc.record({
    type: fc.constant('review-policy' as const),
    date,
    rules: fc.dictionary(level, fc.record({ ai: fc.boolean(), human: fc.boolean() })),
  }),
  fc.record({
    type: fc.constant('promotion' as const),
    date,
    teamId: team,
    fromLevel: level,
    toLevel: level,
    count: fc.integer({ min: 1, max: 10 }),
  }),
  fc.record({
    type: fc.constant('tool-effect' as const),
    date,
    reviewTimePercent: fc.double({ min: -90, max: 200, noNaN: true }),
    appliesTo: fc.constantFrom('ai' as const, 'human' as const, 'all' as const),
  }),
  fc.record({
    type: fc.constant('attrition-shock' as const),
    date,
    level,
    percent: fc.double({ min: 0, max: 100, noNaN: true }),
  }),
);

const headcount = fc.record({
  junior: fc.integer({ min: 0, max: 25 }),
  mid: fc.integer({ min: 0, max: 25 }),
  senior: fc.integer({ min: 0, max: 15 }),
  principal: fc.integer({ min: 0, max: 5 }),
});

/** Three teams with arbitrary headcount. */
export const teamsArb = fc
  .tuple(headcount, headcount, headcount)
  .map((hs) => hs.map((h, i) => ({ id: `t${i}`, name: `Team ${i}`, headcount: h })));

/** Any valid forecast input with `runs` runs, arbitrary events, parameters and horizon. */
export const inputArb = (runs: fc.Arbitrary<number>): fc.Arbitrary<ForecastInputRaw> =>
  fc.record({
    org: fc.record({ teams: teamsArb }),
    parameters: fc.record(
      {
        fatigueGain: fc.double({ min: 0, max: 1, noNaN: true }),
        maxOvertimeHours: fc.double({ min: 0, max: 40, noNaN: true }),
        sev2PerThousandChanges: fc.double({ min: 0, max: 200, noNaN: true }),
        incidentHours: fc.double({ min: 0, max: 50, noNaN: true }),
        serviceCv: fc.double({ min: 0, max: 5, noNaN: true }),
        baselineAiAdoption: fc.double({ min: 0, max: 1, noNaN: true }),
      },
      { requiredKeys: [] },
    ),
    scenario: fc.record({ name: fc.constant('arb'), events: fc.array(eventArb, { maxLength: 6 }) }),
    options: fc.record({
      startWeek: fc.constant('2026-01-05'),
      horizonWeeks: fc.integer({ min: 1, max: 60 }),
      runs,
      seed: fc.integer({ min: 0, max: 1000 }),
    }),
  });

import { describe, expect, it } from 'vitest';
import { type AlertCondition, evaluateCondition } from '../../../server/scheduler/conditions';
import { forecastFixture } from './forecast-fixture';

const backlog = {
  p10: [0.5, 1, 1.5, 2, 2.5, 3],
  p50: [1, 1.5, 2, 2.5, 3, 3.5],
  p90: [1.5, 2, 2.5, 3, 3.5, 4],
};
const service = {
  p10: [0.9, 0.8, 0.7, 0.6, 0.5, 0.4],
  p50: [0.95, 0.9, 0.85, 0.8, 0.75, 0.7],
  p90: [1, 1, 1, 1, 1, 1],
};
const forecast = forecastFixture(6, {
  a: { backlogWeeks: backlog, serviceLevel: service, sev2Incidents: { p10: [1], p50: [2], p90: [3] } },
  b: {},
});

const rule = (overrides: Partial<AlertCondition>): AlertCondition => ({
  metric: 'backlogWeeks',
  percentile: 'P90',
  comparator: '>',
  threshold: 2,
  lookaheadWeeks: 8,
  teams: null,
  ...overrides,
});

describe('evaluateCondition', () => {
  it('finds the first week the P90 band crosses the threshold, with its Monday and value', () => {
    const [a, b] = evaluateCondition(forecast, rule({}));
    expect(a).toEqual({
      teamId: 'a',
      teamName: 'Team a',
      breached: true,
      week: 2,
      date: '2026-05-18',
      value: 2.5,
      worst: 4,
    });
    expect(b).toMatchObject({ teamId: 'b', breached: false, week: null, date: null, value: null, worst: 0 });
  });

  it('reads the median for P50 and treats >= as inclusive', () => {
    const [a] = evaluateCondition(forecast, rule({ percentile: 'P50', comparator: '>=' }));
    expect(a).toMatchObject({ week: 2, value: 2 });
  });

  it('ignores crossings beyond the look-ahead', () => {
    const [a] = evaluateCondition(forecast, rule({ threshold: 3.2, lookaheadWeeks: 4 }));
    expect(a).toMatchObject({ breached: false, worst: 3 });
  });

  it('reads the pessimistic p10 band for a falling metric under P90', () => {
    const [a] = evaluateCondition(
      forecast,
      rule({ metric: 'serviceLevel', comparator: '<', threshold: 0.75 }),
    );
    expect(a).toMatchObject({ breached: true, week: 2, value: 0.7, worst: 0.4 });
  });

  it('reads the sev2Incidents series for sev2PerWeek', () => {
    const [a] = evaluateCondition(forecast, rule({ metric: 'sev2PerWeek', comparator: '>=', threshold: 3 }));
    expect(a).toMatchObject({ breached: true, week: 0, value: 3 });
  });

  it('watches only the chosen teams', () => {
    const findings = evaluateCondition(forecast, rule({ teams: ['b', 'missing'] }));
    expect(findings.map((f) => f.teamId)).toEqual(['b']);
  });
});

describe('comparators', () => {
  const rising = { p10: [1, 2, 3], p50: [1, 2, 3], p90: [1, 2, 3] };
  const falling = { p10: [3, 2, 1], p50: [3, 2, 1], p90: [3, 2, 1] };
  const bands = forecastFixture(3, { up: { backlogWeeks: rising }, down: { backlogWeeks: falling } });
  const mondays = ['2026-05-04', '2026-05-11', '2026-05-18'];

  /** Threshold 2 over the series 1, 2, 3 (up) and 3, 2, 1 (down): first breaching week and worst value, by hand. */
  it.each([
    ['>', { up: 2, down: 0, worst: 3 }],
    ['>=', { up: 1, down: 0, worst: 3 }],
    ['<', { up: 0, down: 2, worst: 1 }],
    ['<=', { up: 0, down: 1, worst: 1 }],
  ] as const)('%s finds the first week on each side of the threshold', (comparator, expected) => {
    const [up, down] = evaluateCondition(bands, rule({ percentile: 'P50', comparator, threshold: 2 }));
    for (const [finding, week, series] of [
      [up, expected.up, rising.p50],
      [down, expected.down, falling.p50],
    ] as const) {
      expect(finding).toMatchObject({
        breached: true,
        week,
        date: mondays[week],
        value: series[week],
        worst: expected.worst,
      });
    }
  });
});

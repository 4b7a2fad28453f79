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

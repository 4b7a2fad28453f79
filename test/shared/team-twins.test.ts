import { describe, expect, it } from 'vitest';
import { centralParams, teamParameters } from '../../shared/engine/model-params';
import { firstTwins } from '../../shared/engine/team-twins';
import { buildTimeline } from '../../shared/engine/timeline';
import { forecastInputSchema, runForecast, type ScenarioEventInput } from '../../shared/index';
import { inputWith, storyEvents } from './fixtures';

const team = (id: string, extra: object = {}) => ({
  id,
  name: id,
  headcount: { junior: 3, mid: 5, senior: 3, principal: 1 },
  ...extra,
});

const twinsOf = (teams: ReturnType<typeof team>[], events: ScenarioEventInput[] = storyEvents) => {
  const input = forecastInputSchema.parse(inputWith(events, {}, teams));
  return [...firstTwins(buildTimeline(input), teamParameters(input).map(centralParams))];
};

describe('team twins of the mean path', () => {
  it('maps a team to the first earlier team with the same inputs, whatever its id and name', () => {
    expect(twinsOf([team('a'), team('b'), team('c', { name: 'Other name' })])).toEqual([0, 0, 0]);
  });

  it.each([
    ['headcount', team('x', { headcount: { junior: 3, mid: 5, senior: 2, principal: 1 } })],
    ['a parameter override', team('x', { parameters: { shrinkage: 0.2 } })],
    ['its own change rates', team('x', { changesPerWeek: { junior: 9 } })],
  ])('keeps a team apart that differs only in %s', (_, other) => {
    expect(twinsOf([team('a'), other, team('b')])).toEqual([0, 1, 0]);
  });

  it.each<[string, ScenarioEventInput]>([
    [
      'a hire (a headcount op and ramp-up)',
      { type: 'hire', date: '2026-02-02', teamId: 'x', level: 'senior', count: 1, rampWeeks: 4 },
    ],
    ['an attrition shock', { type: 'attrition-shock', date: '2026-02-02', percent: 10, teamIds: ['x'] }],
    [
      'a tool effect on review time',
      { type: 'tool-effect', date: '2026-02-02', reviewTimePercent: -10, appliesTo: 'ai', teamIds: ['x'] },
    ],
    [
      'an AI adoption target',
      { type: 'ai-adoption', date: '2026-02-02', targetPercent: 90, rampWeeks: 4, teamIds: ['x'] },
    ],
    ['a layoff', { type: 'layoff', date: '2026-02-02', count: 1, level: 'mid', teamIds: ['x'] }],
  ])('keeps a team apart that only %s reaches', (_, event) => {
    expect(twinsOf([team('a'), team('x'), team('b')], [...storyEvents, event])).toEqual([0, 1, 0]);
  });

  it('gives a twin the series it has when forecast alone', () => {
    const teams = [
      team('a'),
      team('small', { headcount: { junior: 1, mid: 2, senior: 1, principal: 0 } }),
      team('b'),
    ];
    const together = runForecast(inputWith(storyEvents, { horizonWeeks: 30 }, teams));
    const alone = runForecast(inputWith(storyEvents, { horizonWeeks: 30 }, [team('b')]));
    expect(together.teams[2]!.metrics).toEqual(alone.teams[0]!.metrics);
    expect(together.teams[2]!.metrics).toEqual(together.teams[0]!.metrics);
  });
});

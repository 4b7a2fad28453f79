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
    [
      'its headcount, the same numbers at other levels',
      team('x', { headcount: { junior: 5, mid: 3, senior: 3, principal: 1 } }),
    ],
    // The ladder's rates are junior 2.5 and mid 3 a week.
    [
      'its own change rates, the ladder’s at other levels',
      team('x', { changesPerWeek: { junior: 3, mid: 2.5 } }),
    ],
    // The defaults are shrinkage 0.13 and ordinaryReviewShare 0.55.
    [
      'two parameters, each at the other’s default',
      team('x', { parameters: { shrinkage: 0.55, ordinaryReviewShare: 0.13 } }),
    ],
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

  it('keeps a team apart whose run scales its change rates while the earlier team’s does not', () => {
    const input = forecastInputSchema.parse(inputWith(storyEvents, {}, [team('a'), team('b')]));
    const [a, b] = teamParameters(input).map(centralParams);
    const scaled = { ...b!, changeRateScale: Float64Array.of(1, 1, 1, 1) };
    expect([...firstTwins(buildTimeline(input), [a!, scaled])]).toEqual([0, 1]);
    expect([...firstTwins(buildTimeline(input), [scaled, a!])]).toEqual([0, 1]);
  });

  it('keeps apart teams whose own change rates are two swapped values that differ only in their low 32 bits', () => {
    // 3 and the next double above it, 3 + 2^-51, have the same high word.
    const next = 3 + 2 ** -51;
    const a = team('a', { changesPerWeek: { junior: 3, mid: next } });
    const x = team('x', { changesPerWeek: { junior: next, mid: 3 } });
    expect(twinsOf([a, x, team('b', { changesPerWeek: { junior: 3, mid: next } })])).toEqual([0, 1, 0]);
  });

  it('maps a team to an earlier twin that is not the first team', () => {
    const small = (id: string) => team(id, { headcount: { junior: 1, mid: 2, senior: 1, principal: 0 } });
    expect(twinsOf([small('s'), team('a'), team('b'), small('t')])).toEqual([0, 1, 1, 0]);
  });

  it('keeps apart teams whose rows differ only by -0 against 0 (1 / -0 is -Infinity)', () => {
    const input = forecastInputSchema.parse(inputWith([], {}, [team('a'), team('b')]));
    const timeline = buildTimeline(input);
    const params = teamParameters(input).map(centralParams);
    expect([...firstTwins(timeline, params)]).toEqual([0, 0]);
    expect([...firstTwins(timeline, [params[0]!, params[0]!])]).toEqual([0, 0]);
    timeline.shock[timeline.shock.length - 1] = -0;
    expect([...firstTwins(timeline, params)]).toEqual([0, 1]);
  });

  it('keeps apart teams whose parameters differ only by -0 against 0 (their bucket key reads the same)', () => {
    const input = forecastInputSchema.parse(inputWith([], {}, [team('a'), team('b')]));
    const [central] = teamParameters(input).map(centralParams);
    const zero = { ...central!, arrivalDispersion: 0 };
    const negativeZero = { ...central!, arrivalDispersion: -0 };
    expect([...firstTwins(buildTimeline(input), [zero, { ...zero }])]).toEqual([0, 0]);
    expect([...firstTwins(buildTimeline(input), [zero, negativeZero])]).toEqual([0, 1]);
  });

  it('keeps apart teams whose own change rates differ only by -0 against 0', () => {
    const own = { changesPerWeek: { mid: 0 } };
    const input = forecastInputSchema.parse(inputWith([], {}, [team('a', own), team('b', own)]));
    const timeline = buildTimeline(input);
    const params = teamParameters(input).map(centralParams);
    expect([...firstTwins(timeline, params)]).toEqual([0, 0]);
    timeline.teamChangesPerWeek[1]![1] = -0;
    expect([...firstTwins(timeline, params)]).toEqual([0, 1]);
  });

  it('finds a team’s first twin past a team of its bucket that is not its twin', () => {
    const input = forecastInputSchema.parse(inputWith([], {}, [team('a'), team('b'), team('c')]));
    const timeline = buildTimeline(input);
    const rows = timeline.shock.length / 3;
    timeline.shock[2 * rows - 1] = -0;
    expect([...firstTwins(timeline, teamParameters(input).map(centralParams))]).toEqual([0, 1, 0]);
  });

  it.each(['adoption', 'rampDeficit', 'shock', 'reviewTime'] as const)(
    'keeps apart teams whose %s rows hold the same sum in another order',
    (row) => {
      const input = forecastInputSchema.parse(inputWith([], {}, [team('a'), team('b')]));
      const timeline = buildTimeline(input);
      const values = timeline[row];
      const n = values.length / 2;
      values[n - 2]! += 0.25;
      values[2 * n - 1]! += 0.25;
      expect([...firstTwins(timeline, teamParameters(input).map(centralParams))]).toEqual([0, 1]);
    },
  );

  it('maps teams to a later twin when an AI tool effect changes only their AI review time', () => {
    const small = team('s', { headcount: { junior: 1, mid: 2, senior: 1, principal: 0 } });
    const tool: ScenarioEventInput = {
      type: 'tool-effect',
      date: '2026-02-02',
      reviewTimePercent: -30,
      appliesTo: 'ai',
      teamIds: ['s', 'a', 'b'],
    };
    expect(twinsOf([small, team('a'), team('b')], [tool])).toEqual([0, 1, 1]);
  });

  describe('headcount ops (no timeline row shows them)', () => {
    const layoff = (teamId: string, date: string, extra: object = { count: 1, level: 'mid' }) =>
      ({ type: 'layoff', date, teamIds: [teamId], ...extra }) as ScenarioEventInput;
    const promotion = (teamId: string, toLevel: string, fromLevel = 'mid') =>
      ({
        type: 'promotion',
        date: '2026-03-02',
        teamId,
        fromLevel,
        toLevel,
        count: 1,
      }) as ScenarioEventInput;
    /** Teams a and x: the same layoff on 2 Feb, then their own second op. */
    const twinsAfter = (
      second: (id: string) => ScenarioEventInput,
      otherSecond: (id: string) => ScenarioEventInput,
    ) =>
      twinsOf(
        [team('a'), team('x')],
        [layoff('a', '2026-02-02'), layoff('x', '2026-02-02'), second('a'), otherSecond('x')],
      );
    const march = (id: string) => layoff(id, '2026-03-02');

    it('maps a team with the same ops to its twin', () => {
      expect(twinsAfter(march, march)).toEqual([0, 0]);
      expect(
        twinsAfter(
          (id) => promotion(id, 'senior'),
          (id) => promotion(id, 'senior'),
        ),
      ).toEqual([0, 0]);
    });

    it.each<[string, (id: string) => ScenarioEventInput, (id: string) => ScenarioEventInput]>([
      ['week', march, (id) => layoff(id, '2026-03-09')],
      [
        'kind (a percent, not a count)',
        march,
        (id) => layoff(id, '2026-03-02', { percent: 1, level: 'mid' }),
      ],
      ['level', march, (id) => layoff(id, '2026-03-02', { count: 1, level: 'senior' })],
      ['amount', march, (id) => layoff(id, '2026-03-02', { count: 2, level: 'mid' })],
      ['level moved to', (id) => promotion(id, 'senior'), (id) => promotion(id, 'principal')],
      ['level moved from', (id) => promotion(id, 'senior'), (id) => promotion(id, 'senior', 'junior')],
    ])('keeps apart a team whose second op differs only in its %s', (_, second, otherSecond) => {
      expect(twinsAfter(second, otherSecond)).toEqual([0, 1]);
    });
  });
});

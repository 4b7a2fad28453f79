import { describe, expect, it } from 'vitest';
import { buildTimeline, teamTimeline } from '../../shared/engine/timeline';
import { forecastInputSchema, type ScenarioEventInput } from '../../shared/index';

/**
 * The scenario compiled to weekly arrays, on an org small enough to write every array out: two
 * teams (a, b), two levels (dev: no sign-off, 3 changes a week; lead: signs off, 2 a week), four
 * weeks from Monday 2026-01-05 (week 1 = 01-12, 2 = 01-19, 3 = 01-26). Team b authors 5 changes a
 * week as a dev and starts at 20% AI adoption (the org: 50%).
 */
const compile = (events: ScenarioEventInput[]) =>
  buildTimeline(
    forecastInputSchema.parse({
      org: {
        levels: [
          { id: 'dev', canSignOff: false, changesPerWeek: 3 },
          { id: 'lead', canSignOff: true, changesPerWeek: 2 },
        ],
        teams: [
          { id: 'a', name: 'A', headcount: { dev: 4, lead: 2 } },
          {
            id: 'b',
            name: 'B',
            headcount: { lead: 3 },
            changesPerWeek: { dev: 5 },
            parameters: { baselineAiAdoption: 0.2 },
          },
        ],
      },
      scenario: { name: 'timeline', events },
      options: { startWeek: '2026-01-05', horizonWeeks: 4, thresholds: { targetWaitHours: 12 } },
    }),
  );

/** Weeks 0-3 of a per-week array at `start` (a row of a team-level, policy or review-time array), to 12 decimals. */
const row = (array: ArrayLike<number>, start: number) =>
  Array.from({ length: 4 }, (_, w) => Math.round(array[start + w]! * 1e12) / 1e12);
/** Rows of a team-level array: [(t * 2 + l) * 4]. */
const cell = (array: ArrayLike<number>, t: number, l: number) => row(array, (t * 2 + l) * 4);

describe('the compiled timeline of a scenario without events', () => {
  const tl = compile([]);

  it('holds sizes, target wait, ladder, each team’s own change rates and starting headcount', () => {
    expect([tl.teams, tl.levels, tl.weeks, tl.targetWaitHours]).toEqual([2, 2, 4, 12]);
    expect([...tl.canSignOff]).toEqual([0, 1]);
    expect([...tl.changesPerWeek]).toEqual([3, 2]);
    expect(tl.teamChangesPerWeek.map((rates) => (rates ? [...rates] : null))).toEqual([null, [5, 2]]);
    expect([...tl.headcount]).toEqual([4, 2, 0, 3]);
    expect(tl.ops).toEqual([[], []]);
  });

  it('starts each team at its own baseline adoption, review time 1, no policy, ramp or shock', () => {
    expect([0, 1].map((l) => cell(tl.adoption, 0, l))).toEqual([
      [0.5, 0.5, 0.5, 0.5],
      [0.5, 0.5, 0.5, 0.5],
    ]);
    expect([0, 1].map((l) => cell(tl.adoption, 1, l))).toEqual([
      [0.2, 0.2, 0.2, 0.2],
      [0.2, 0.2, 0.2, 0.2],
    ]);
    expect([...tl.reviewTime]).toEqual(new Array(16).fill(1));
    expect([...tl.mandatoryAi, ...tl.mandatoryHuman]).toEqual(new Array(16).fill(0));
    expect([...tl.rampDeficit, ...tl.shock]).toEqual(new Array(32).fill(0));
  });

  it('gives a team its own change rates in its view only', () => {
    expect(teamTimeline(tl, 0)).toBe(tl);
    expect([...teamTimeline(tl, 1).changesPerWeek]).toEqual([5, 2]);
    expect(teamTimeline(tl, 1).headcount).toBe(tl.headcount);
  });
});

describe('scenario events compiled week by week', () => {
  it('ramps adoption linearly from its week’s value to the target, for the teams and levels named', () => {
    const tl = compile([
      {
        type: 'ai-adoption',
        date: '2026-01-12',
        teamIds: ['b'],
        levels: ['dev'],
        targetPercent: 100,
        rampWeeks: 2,
        shape: 'linear',
      },
    ]);
    // From 0.2: halfway in its first week, the target from the second on.
    expect(cell(tl.adoption, 1, 0)).toEqual([0.2, 0.6, 1, 1]);
    expect(cell(tl.adoption, 1, 1)).toEqual([0.2, 0.2, 0.2, 0.2]);
    expect(cell(tl.adoption, 0, 0)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('ramps adoption along the S-curve 3x^2 - 2x^3 for every team and level when none are named', () => {
    const tl = compile([{ type: 'ai-adoption', date: '2026-01-05', targetPercent: 100, rampWeeks: 4 }]);
    // x = 1/4, 2/4, 3/4, 1: 0.15625, 0.5, 0.84375, 1 of the way.
    expect(cell(tl.adoption, 0, 1)).toEqual([0.578125, 0.75, 0.921875, 1]);
    expect(cell(tl.adoption, 1, 0)).toEqual([0.325, 0.6, 0.875, 1]);
    expect(cell(tl.adoption, 1, 1)).toEqual([0.325, 0.6, 0.875, 1]);
    expect(cell(tl.adoption, 0, 0)).toEqual([0.578125, 0.75, 0.921875, 1]);
  });

  it('counts a ramp that began before the start from its own date: one week in by week 0', () => {
    const tl = compile([
      { type: 'ai-adoption', date: '2025-12-29', targetPercent: 0, rampWeeks: 4, shape: 'linear' },
    ]);
    expect(cell(tl.adoption, 0, 0)).toEqual([0.25, 0.125, 0, 0]);
  });

  it('replaces the review policy from each policy event’s week; levels not listed need none', () => {
    const tl = compile([
      { type: 'review-policy', date: '2026-01-12', rules: { dev: { ai: true, human: false } } },
      { type: 'review-policy', date: '2026-01-26', rules: { lead: { ai: true, human: true } } },
    ]);
    expect([row(tl.mandatoryAi, 0), row(tl.mandatoryAi, 4)]).toEqual([
      [0, 1, 1, 0],
      [0, 0, 0, 1],
    ]);
    expect([row(tl.mandatoryHuman, 0), row(tl.mandatoryHuman, 4)]).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 1],
    ]);
  });

  it('multiplies review time by each tool effect from its week, for the kinds it applies to', () => {
    const tl = compile([
      { type: 'tool-effect', date: '2026-01-12', reviewTimePercent: -50, appliesTo: 'ai' },
      { type: 'tool-effect', date: '2026-01-19', reviewTimePercent: 100 },
      { type: 'tool-effect', date: '2026-01-26', teamIds: ['b'], reviewTimePercent: -25, appliesTo: 'human' },
    ]);
    // Rows [(t * 2 + kind) * 4]: kind 0 human, 1 AI.
    expect([0, 1, 2, 3].map((r) => row(tl.reviewTime, r * 4))).toEqual([
      [1, 1, 2, 2],
      [1, 0.5, 1, 1],
      [1, 1, 2, 1.5],
      [1, 0.5, 1, 1],
    ]);
  });

  it('puts an attrition shock in its week only, shocks in one week combining as survivals', () => {
    const tl = compile([
      { type: 'attrition-shock', date: '2026-01-12', teamIds: ['a'], level: 'dev', percent: 50 },
      { type: 'attrition-shock', date: '2026-01-12', teamIds: ['a'], level: 'dev', percent: 50 },
      { type: 'attrition-shock', date: '2026-01-19', percent: 20 },
    ]);
    expect(cell(tl.shock, 0, 0)).toEqual([0, 0.75, 0.2, 0]);
    expect(cell(tl.shock, 0, 1)).toEqual([0, 0, 0.2, 0]);
    expect(cell(tl.shock, 1, 0)).toEqual([0, 0, 0.2, 0]);
    expect(cell(tl.shock, 1, 1)).toEqual([0, 0, 0.2, 0]);
  });

  it('ramps a hire over rampWeeks + 1 weeks of deficit and adds it as a headcount change in its week', () => {
    const tl = compile([
      { type: 'hire', date: '2026-01-12', teamId: 'a', level: 'lead', count: 2, rampWeeks: 1 },
      { type: 'hire', date: '2026-01-12', teamId: 'b', level: 'dev', count: 3, rampWeeks: 0 },
      { type: 'hire', date: '2026-01-19', teamId: 'b', level: 'lead', count: 4, rampWeeks: 1 },
    ]);
    // Productive share (w - 1 + 1) / 2 in week w: 1/2 in week 1, whole from week 2.
    expect(cell(tl.rampDeficit, 0, 1)).toEqual([0, 1, 0, 0]);
    expect(cell(tl.rampDeficit, 1, 0)).toEqual([0, 0, 0, 0]);
    expect(cell(tl.rampDeficit, 1, 1)).toEqual([0, 0, 2, 0]);
    expect(cell(tl.rampDeficit, 0, 0)).toEqual([0, 0, 0, 0]);
    expect(tl.ops).toEqual([
      [{ week: 1, kind: 'hire', level: 1, toLevel: 1, amount: 2 }],
      [
        { week: 1, kind: 'hire', level: 0, toLevel: 0, amount: 3 },
        { week: 2, kind: 'hire', level: 1, toLevel: 1, amount: 4 },
      ],
    ]);
  });

  it('starts a hire dated before the start part-way up its ramp, its change at week 0', () => {
    const tl = compile([
      { type: 'hire', date: '2025-12-29', teamId: 'a', level: 'dev', count: 4, rampWeeks: 3 },
      { type: 'hire', date: '2026-01-05', teamId: 'a', level: 'dev', count: 4, rampWeeks: 3 },
    ]);
    // Productive (w + 2) / 4 and (w + 1) / 4: deficits 2, 1, 0, 0 and 3, 2, 1, 0, summed.
    expect(cell(tl.rampDeficit, 0, 0)).toEqual([5, 3, 1, 0]);
    expect(tl.ops[0]!.map((op) => op.week)).toEqual([0, 0]);
  });

  it('turns promotions and layoffs into headcount changes of the teams and levels named', () => {
    const tl = compile([
      { type: 'promotion', date: '2026-01-19', teamId: 'b', fromLevel: 'dev', toLevel: 'lead', count: 1 },
      { type: 'layoff', date: '2026-01-12', teamIds: ['a'], level: 'lead', count: 1 },
      { type: 'layoff', date: '2026-01-26', percent: 10 },
    ]);
    expect(tl.ops).toEqual([
      [
        { week: 1, kind: 'layoff-count', level: 1, toLevel: 1, amount: 1 },
        { week: 3, kind: 'layoff-percent', level: -1, toLevel: -1, amount: 10 },
      ],
      [
        { week: 2, kind: 'promotion', level: 0, toLevel: 1, amount: 1 },
        { week: 3, kind: 'layoff-percent', level: -1, toLevel: -1, amount: 10 },
      ],
    ]);
  });

  it('applies events in date order, those of one week in the order given, and drops those past the horizon', () => {
    const tl = compile([
      { type: 'layoff', date: '2026-01-19', teamIds: ['a'], count: 2 },
      { type: 'hire', date: '2026-01-12', teamId: 'a', level: 'dev', count: 1, rampWeeks: 0 },
      { type: 'layoff', date: '2026-01-12', teamIds: ['a'], count: 1 },
      { type: 'hire', date: '2026-02-02', teamId: 'a', level: 'dev', count: 9, rampWeeks: 0 },
      { type: 'ai-adoption', date: '2026-02-02', targetPercent: 0, rampWeeks: 1 },
    ]);
    expect(tl.ops[0]!.map((op) => [op.week, op.kind, op.amount])).toEqual([
      [1, 'hire', 1],
      [1, 'layoff-count', 1],
      [2, 'layoff-count', 2],
    ]);
    expect(cell(tl.adoption, 0, 0)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('starts a later adoption ramp from where an earlier one left that week', () => {
    const tl = compile([
      {
        type: 'ai-adoption',
        date: '2026-01-19',
        teamIds: ['a'],
        targetPercent: 0,
        rampWeeks: 1,
        shape: 'linear',
      },
      {
        type: 'ai-adoption',
        date: '2026-01-05',
        teamIds: ['a'],
        targetPercent: 100,
        rampWeeks: 4,
        shape: 'linear',
      },
    ]);
    // The first (by date) reaches 0.5 + 0.5 x 2/4 = 0.75 in week 1; the second drops it to 0 from week 2.
    expect(cell(tl.adoption, 0, 0)).toEqual([0.625, 0.75, 0, 0]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  drawDelay,
  drawDelayWeeks,
  expectedOpen,
  kaplanMeier,
  type OriginDelays,
  originDelays,
  resampledDelays,
  seriesOf,
  survivalAt,
} from '../../../server/services/calibration/signoff-delays';
import { Rng } from '../../../shared/index';

/** Signed after 2, 5, 5 and 8 hours; open for 3 and 10 so far. */
const observations = [
  { time: 5, signed: true },
  { time: 3, signed: false },
  { time: 10, signed: false },
  { time: 2, signed: true },
  { time: 8, signed: true },
  { time: 5, signed: true },
];

describe('Kaplan-Meier survival of sign-off delays', () => {
  it('steps down at each signed time by the share of those still at risk (hand-computed)', () => {
    const km = kaplanMeier(observations);
    // 6 at risk at 2: 5/6; the one open at 3 leaves; 4 at risk at 5, 2 signed: 5/12; 2 at risk at 8: 5/24
    expect([...km.times]).toEqual([2, 5, 8]);
    expect([...km.survival].map((s) => s * 24)).toEqual([20, 10, 5].map((v) => expect.closeTo(v, 12)));
    expect(km.longest).toBe(10);
    expect([1, 2, 4.9, 5, 9].map((h) => survivalAt(km, h) * 24)).toEqual(
      [24, 20, 20, 10, 5].map((v) => expect.closeTo(v, 12)),
    );
  });

  it('draws a delay by inversion, given the hours it has lasted', () => {
    const km = kaplanMeier(observations);
    expect(drawDelay(km, 0.9)).toBe(2);
    expect(drawDelay(km, 0.5)).toBe(5);
    expect(drawDelay(km, 0.3)).toBe(8);
    // beyond every signed delay: 5/24 of the changes
    expect(drawDelay(km, 0.1)).toBe(Number.POSITIVE_INFINITY);
    // open 3 hours: 0.9 x 5/6 = 0.75, the first step at or below is 5 h
    expect(drawDelay(km, 0.9, 3)).toBe(5);
    // open longer than every change until the last signed one: it stays open
    const allSigned = kaplanMeier([{ time: 4, signed: true }]);
    expect(drawDelay(allSigned, 0.5, 6)).toBe(Number.POSITIVE_INFINITY);
  });

  it('completes the tail past the last 10 sign-offs with an exponential (hand-computed)', () => {
    // signed after 1, 2, ..., 12 hours, one open for 30: the last 10 sign-offs start at 3 h, where
    // 10 of the 13 are still open (S = 10/13); past it 9 sign-offs over 1 + 2 + ... + 9 = 45 hours
    // at risk, and 27 of the open one's: hazard 9 / 72 an hour
    const km = kaplanMeier([
      ...Array.from({ length: 12 }, (_, i) => ({ time: i + 1, signed: true })),
      { time: 30, signed: false },
    ]);
    expect([...km.times]).toEqual([1, 2, 3]);
    expect(km.tailStart).toBe(3);
    expect(km.tailHazard).toBeCloseTo(9 / 72, 12);
    expect(survivalAt(km, 2.5)).toBeCloseTo(11 / 13, 12);
    expect(survivalAt(km, 5)).toBeCloseTo((10 / 13) * Math.exp(-2 / 8), 12);
    // open 40 hours, past every sign-off: it still closes, after -ln(u) / hazard more hours
    expect(drawDelay(km, 0.5, 40)).toBeCloseTo(40 + Math.log(2) * 8, 9);
    // a level at or above the tail's survival draws a step: the first at or below 0.8 is S(3) = 10/13
    expect(drawDelay(km, 0.8)).toBe(3);
    // 0.5 is below it: 3 h and then S falls from 10/13 to 0.5 at 1/8 an hour
    expect(drawDelay(km, 0.5)).toBeCloseTo(3 + Math.log(20 / 13) * 8, 9);
  });

  it('resamples whole observations: a resample holds only the data’s signed times', () => {
    const model = originDelays([{ changes: [] }], 1);
    const km = kaplanMeier(observations);
    const rng = new Rng(4);
    for (let i = 0; i < 20; i++) {
      const sorted = [...observations].sort((a, b) => a.time - b.time || Number(b.signed) - Number(a.signed));
      const { survival } = resampledDelays({ ...model, observations: sorted }, rng);
      for (const t of survival.times) expect([...km.times]).toContain(t);
    }
  });
});

describe('series of changes', () => {
  it('joins changes authored within a minute of the last into one series', () => {
    const at = (hours: number) => ({ at: hours, hours: 5 });
    // 10:00:00, 10:00:01, 10:00:59 and 10:01:58 chain; 10:03 and 11:00 stand alone
    const week = [at(11), at(10), at(10 + 1 / 3600), at(10 + 59 / 3600), at(10 + 118 / 3600), at(10.05)];
    expect(seriesOf(week).map((s) => s.length)).toEqual([4, 1, 1]);
  });

  it('counts a series open, signed and in the week’s median as its changes', () => {
    const model: OriginDelays = {
      ...originDelays(
        [
          {
            changes: [
              { at: 0, hours: 50 },
              { at: 0.001, hours: 50 },
              { at: 0.002, hours: 50 },
            ],
          },
        ],
        1,
      ),
      offsets: [120],
    };
    // the fitted week: one series of 3, signed after 50 h; origin 168 h later
    expect(model.sizes).toEqual([3]);
    expect(model.open).toEqual([]);
    // 4 changes: a series of 3 and one cut to 1, both at 120 h, signed at 170 h
    expect(drawDelayWeeks(model, new Rng(1), [4, 0], [1, 1])).toEqual({
      open: [4, 0],
      completed: [0, 4],
      medianHours: [50, null],
    });
  });
});

describe('sign-off delays at an origin', () => {
  it('censors changes open at the origin at their age and lists their ages', () => {
    // origin at 336 h: week 0's change at 10 h signed after 100 h (by 110), its change at 150 h
    // still open (186 h old, 300 h delay); week 1's two signed after 24 and 5 h
    const model = originDelays(
      [
        {
          changes: [
            { at: 10, hours: 100 },
            { at: 150, hours: 300 },
          ],
        },
        {
          changes: [
            { at: 0, hours: 24 },
            { at: 160, hours: 5 },
          ],
        },
      ],
      1,
    );
    expect(model.open).toEqual([{ age: 186, size: 1 }]);
    expect(model.sizes).toEqual([1, 1]);
    expect(model.offsets).toEqual([0, 160]);
    expect(model.observations).toEqual([
      { time: 5, signed: true },
      { time: 24, signed: true },
    ]);
    expect([...model.survival.times]).toEqual([5, 24]);
  });

  const km = kaplanMeier([
    { time: 100, signed: true },
    { time: 400, signed: true },
    { time: 500, signed: false },
  ]);
  /** Signed after 100 and 400 hours, one open for 500, weeks alike; one change 50 hours old at the origin. */
  const model: OriginDelays = {
    ...originDelays([{ changes: [] }], 1),
    survival: km,
    within: km,
    open: [{ age: 50, size: 1 }],
    offsets: [0, 120],
  };

  it('expects the changes open at each week’s end (hand-computed)', () => {
    // survival 2/3 from 100 h, 1/3 from 400 h. Week 0: the old change stays 2/3 (S(218) / S(50)),
    // two arrivals at 0 or 120 h, open 168 or 48 h: (2/3 + 1) / 2 each -> 2/3 + 5/3 = 7/3.
    // Week 1: 2/3 (S(386)), week 0's two open 336 or 216 h: 2 x 2/3, week 1's two as before 5/3.
    const open = expectedOpen(model, [2, 2], [1, 1]);
    expect(open[0]).toBeCloseTo(7 / 3, 12);
    expect(open[1]).toBeCloseTo(2 / 3 + 4 / 3 + 5 / 3, 12);
    // a change open longer than any signed one stays open: all signed by 100 h, one 500 h old
    const older: OriginDelays = {
      ...model,
      survival: kaplanMeier([{ time: 100, signed: true }]),
      open: [{ age: 500, size: 2 }],
    };
    expect(expectedOpen(older, [0], [1])).toEqual([2]);
    // week 1's delays twice as long: its arrivals open 84 or 24 fitted hours, both under 100
    expect(expectedOpen(model, [2, 2], [1, 2])[1]).toBeCloseTo(2 / 3 + 4 / 3 + 2, 12);
  });

  it('draws runs whose mean open is the expected open', () => {
    const rng = new Rng(9);
    const runs = 5000;
    const sum = [0, 0];
    for (let r = 0; r < runs; r++) {
      const run = drawDelayWeeks(model, rng, [2, 2], [1, 1]);
      sum[0]! += run.open[0]!;
      sum[1]! += run.open[1]!;
    }
    // sd of one run's open about 1.1: the mean of 5,000 within 0.06 (about 4 standard errors)
    expect(Math.abs(sum[0]! / runs - 7 / 3)).toBeLessThan(0.06);
    expect(Math.abs(sum[1]! / runs - 11 / 3)).toBeLessThan(0.06);
  });

  it('draws week factors whose runs average to the expected open over the factor (quadrature)', () => {
    const bursty: OriginDelays = { ...model, weekSd: 0.8 };
    const expected = expectedOpen(bursty, [2, 2], [1, 1]);
    const rng = new Rng(2);
    const runs = 5000;
    let sum = 0;
    for (let r = 0; r < runs; r++) sum += drawDelayWeeks(bursty, rng, [2, 2], [1, 1]).open[1]!;
    expect(Math.abs(sum / runs - expected[1]!)).toBeLessThan(0.06);
  });

  it('counts a run’s open, signed and median hours week by week (every delay 100 h)', () => {
    const every100 = kaplanMeier([1, 2, 3].map(() => ({ time: 100, signed: true })));
    const fixed: OriginDelays = {
      ...model,
      survival: every100,
      within: every100,
      open: [],
      offsets: [120],
    };
    // arrivals at 120 h into their week, signed 100 h later: week 0's two in week 1, week 2's one after the horizon
    expect(drawDelayWeeks(fixed, new Rng(1), [2, 0, 1], [1, 1, 1])).toEqual({
      open: [2, 0, 1],
      completed: [0, 2, 0],
      medianHours: [100, null, 100],
    });
  });
});

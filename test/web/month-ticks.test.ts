import { describe, expect, it } from 'vitest';
import { monthTicks } from '../../web/charts/month-ticks';

/** The 52 Mondays from 30 Nov 2026 to 22 Nov 2027 (the demo's horizon). */
const weeks = Array.from({ length: 52 }, (_, i) =>
  new Date(Date.UTC(2026, 10, 30 + 7 * i)).toISOString().slice(0, 10),
);
const layout = { left: 150, minSpacing: 64, halfLabel: 26 };

describe('month ticks of the heat map axis', () => {
  it.each([
    // First Mondays: Dec 7 (week 1), Jan 4 (5), Feb 1 (9), Mar 1 (13), Apr 5 (18), May 3 (22), Jun 7 (27),
    // Jul 5 (31), Aug 2 (35), Sep 6 (40), Oct 4 (44), Nov 1 (48). A month is 4.35 x 10 = 43.5 px: every
    // 2nd from Nov, centred at 150 + (week + 0.5) x 10.
    [
      '10 px weeks: every other month back from Nov 2027',
      10,
      670,
      [
        { week: 5, at: 205 },
        { week: 13, at: 285 },
        { week: 22, at: 375 },
        { week: 31, at: 465 },
        { week: 40, at: 555 },
        { week: 48, at: 635 },
      ],
    ],
    // A month is 17.4 px: every 4th (Nov, Jul, Mar). Nov's centre 344 is kept 26 px inside 358: 332;
    // Jul at 276 is 56 px before it (2 x 26 + 4): kept; Mar at 204.
    [
      '4 px weeks (a phone): every 4th month, the last kept inside the axis',
      4,
      358,
      [
        { week: 13, at: 204 },
        { week: 31, at: 276 },
        { week: 48, at: 332 },
      ],
    ],
    // Every 4th month on 3.9 px: Nov 150 + 48.5 x 3.9 = 339.15, kept at 352.8 - 26 = 326.8; Jul at 274.85
    // would be 51.95 px before it, too close: every 5th instead, Nov, Jun at 257.25, Jan at 171.45 kept
    // at 176.
    [
      'labels that would touch: every 5th month instead of every 4th',
      3.9,
      352.8,
      [
        { week: 5, at: 176 },
        { week: 27, at: 257.25 },
        { week: 48, at: 326.8 },
      ],
    ],
  ])('%s', (_, cellWidth, right, expected) => {
    const ticks = monthTicks(weeks, { ...layout, cellWidth, right });
    expect(ticks.map((t) => t.week)).toEqual(expected.map((t) => t.week));
    for (const [i, tick] of ticks.entries()) expect(tick.at).toBeCloseTo(expected[i]!.at, 6);
  });

  it('labels the first week when no month starts within the weeks, and nothing without weeks', () => {
    const short = ['2027-03-08', '2027-03-15', '2027-03-22'];
    expect(monthTicks(short, { ...layout, cellWidth: 100, right: 450 })).toEqual([{ week: 0, at: 200 }]);
    expect(monthTicks([], { ...layout, cellWidth: 100, right: 150 })).toEqual([]);
  });
});

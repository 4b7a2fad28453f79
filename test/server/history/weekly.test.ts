import { describe, expect, it } from 'vitest';
import { aggregateWeekly, type PlacedChange } from '../../../server/history/weekly';
import { weekOf, weekOfDate } from '../../../server/history/weeks';

const at = (iso: string) => Date.parse(`${iso}Z`);
const change = (c: Partial<PlacedChange> & Pick<PlacedChange, 'authoredAt'>): PlacedChange => ({
  team: 'T',
  level: 'mid',
  signer: null,
  firstReviewAt: null,
  signedOffAt: null,
  aiAssisted: false,
  lines: 0,
  ...c,
});

describe('weekOf', () => {
  it.each([
    ['2024-01-01T00:00:00', '2024-01-01'],
    ['2024-01-07T23:59:59', '2024-01-01'],
    ['2024-01-08T00:00:00', '2024-01-08'],
    ['2021-01-03T12:00:00', '2020-12-28'],
    ['1970-01-01T00:00:00', '1969-12-29'],
  ])('puts %s UTC in the week of Monday %s', (instant, monday) => {
    expect(weekOf(at(instant))).toBe(weekOfDate(monday));
  });
});

describe('aggregateWeekly', () => {
  // Three changes of team T, level mid, authored in the week of Monday 2024-01-01 (hand-computed):
  // A 10 h to sign-off by s1; B 144 h by s1, AI-assisted; C 337 h, committed by its author.
  const changes = [
    change({
      authoredAt: at('2024-01-01T10:00:00'),
      firstReviewAt: at('2024-01-01T20:00:00'),
      signedOffAt: at('2024-01-01T20:00:00'),
      signer: 's1',
      lines: 10,
    }),
    change({
      authoredAt: at('2024-01-03T00:00:00'),
      firstReviewAt: at('2024-01-09T00:00:00'),
      signedOffAt: at('2024-01-09T00:00:00'),
      signer: 's1',
      aiAssisted: true,
      lines: 5,
    }),
    change({ authoredAt: at('2024-01-07T23:00:00'), signedOffAt: at('2024-01-22T00:00:00'), lines: 1 }),
  ];
  const range = { first: weekOfDate('2024-01-01'), last: weekOfDate('2024-01-22') };

  it('counts authored, AI-assisted, signed off and open per week, zero-filling the quiet week', () => {
    const rows = aggregateWeekly(changes, range);
    expect(rows.map((r) => [r.week, r.authored, r.aiAssisted, r.signedOff, r.open, r.lines])).toEqual([
      ['2024-01-01', 3, 1, 1, 2, 16],
      ['2024-01-08', 0, 0, 1, 1, 0],
      ['2024-01-15', 0, 0, 0, 1, 0],
      ['2024-01-22', 0, 0, 1, 0, 0],
    ]);
    expect(rows.map((r) => r.signoffsByReviewer)).toEqual([{ s1: 1 }, { s1: 1 }, {}, {}]);
  });

  it('takes nearest-rank median and p90 of the hours of the changes authored that week', () => {
    const [first] = aggregateWeekly(changes, range);
    expect(first).toMatchObject({
      medianHoursToFirstReview: 10,
      p90HoursToFirstReview: 144,
      medianHoursToSignoff: 144,
      p90HoursToSignoff: 337,
    });
  });

  it('keeps teams and levels apart and only returns weeks inside the range', () => {
    const rows = aggregateWeekly(
      [
        ...changes,
        change({
          team: 'A',
          level: 'senior',
          authoredAt: at('2024-01-10T00:00:00'),
          signedOffAt: at('2024-01-10T01:00:00'),
        }),
      ],
      { first: weekOfDate('2024-01-08'), last: weekOfDate('2024-01-08') },
    );
    expect(rows.map((r) => [r.team, r.level, r.week, r.authored, r.signedOff, r.open])).toEqual([
      ['A', 'senior', '2024-01-08', 1, 1, 0],
      ['T', 'mid', '2024-01-08', 0, 1, 1],
    ]);
  });
});

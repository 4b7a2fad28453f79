import { describe, expect, it } from 'vitest';
import { nextRunAfter, planDueRun, scheduleProblem } from '../../../server/scheduler/schedule';
import { isTimeZone } from '../../../shared/index';

describe('alert schedules', () => {
  describe('nextRunAfter in Europe/Rome', () => {
    it('fires Monday 09:00 at 08:00 UTC before the spring daylight-saving change', () => {
      const next = nextRunAfter('0 9 * * 1', 'Europe/Rome', new Date('2026-03-16T12:00:00Z'));
      expect(next.toISOString()).toBe('2026-03-23T08:00:00.000Z');
    });

    it('fires Monday 09:00 at 07:00 UTC after clocks go forward on 29 March 2026', () => {
      const next = nextRunAfter('0 9 * * 1', 'Europe/Rome', new Date('2026-03-23T08:00:00Z'));
      expect(next.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    });

    it('returns to 08:00 UTC after clocks go back on 25 October 2026', () => {
      const runs = [new Date('2026-10-19T07:00:00Z')];
      for (let i = 0; i < 2; i++) runs.push(nextRunAfter('0 9 * * 1', 'Europe/Rome', runs.at(-1) as Date));
      expect(runs.slice(1).map((d) => d.toISOString())).toEqual([
        '2026-10-26T08:00:00.000Z',
        '2026-11-02T08:00:00.000Z',
      ]);
    });

    it('throws, naming the pattern and the instant, when the schedule never fires again', () => {
      expect(() => nextRunAfter('2020-01-01T00:00:00', 'UTC', new Date('2024-01-01T00:00:00Z'))).toThrow(
        'schedule "2020-01-01T00:00:00" never fires after 2024-01-01T00:00:00.000Z',
      );
    });

    it('runs a daily 02:30 once on the night 02:00-03:00 does not exist', () => {
      let at = new Date('2026-03-28T00:00:00Z');
      const runs: string[] = [];
      for (let i = 0; i < 3; i++) {
        at = nextRunAfter('30 2 * * *', 'Europe/Rome', at);
        runs.push(at.toISOString());
      }
      expect(runs).toEqual([
        '2026-03-28T01:30:00.000Z',
        '2026-03-29T01:00:00.000Z',
        '2026-03-30T00:30:00.000Z',
      ]);
    });
  });

  describe('planDueRun', () => {
    const hourly = '0 * * * *';

    it('runs an on-time slot as a scheduled run and moves to the next slot', () => {
      const plan = planDueRun(
        hourly,
        'UTC',
        new Date('2026-05-04T10:00:00Z'),
        new Date('2026-05-04T10:00:02Z'),
      );
      expect(plan).toEqual({ trigger: 'schedule', nextRunAt: new Date('2026-05-04T11:00:00Z') });
    });

    it('catches up a day of missed hourly slots once and resumes after now', () => {
      const plan = planDueRun(
        hourly,
        'UTC',
        new Date('2026-05-04T10:00:00Z'),
        new Date('2026-05-05T10:30:00Z'),
      );
      expect(plan).toEqual({ trigger: 'catch-up', nextRunAt: new Date('2026-05-05T11:00:00Z') });
    });
    it('counts a slot due exactly now as missed: a catch-up', () => {
      const plan = planDueRun(
        hourly,
        'UTC',
        new Date('2026-05-04T10:00:00Z'),
        new Date('2026-05-04T11:00:00Z'),
      );
      expect(plan).toEqual({ trigger: 'catch-up', nextRunAt: new Date('2026-05-04T12:00:00Z') });
    });
  });

  describe('validation', () => {
    it('accepts five- and six-field expressions', () => {
      expect(scheduleProblem('0 9 * * 1-5', 'Europe/Rome')).toBeNull();
      expect(scheduleProblem('*/10 * * * * *', 'UTC')).toBeNull();
    });

    it('explains a malformed expression', () => {
      expect(scheduleProblem('every monday', 'UTC')).toBe(
        "invalid configuration format ('every monday'), exactly five, six, or seven space separated parts are required.",
      );
      expect(scheduleProblem('61 * * * *', 'UTC')).toBe('Invalid value for minute: 61');
    });

    it('rejects an expression that never fires, and an unknown zone', () => {
      expect(scheduleProblem('0 0 30 2 *', 'UTC')).toBe('never fires');
      expect(scheduleProblem('0 9 * * 1', 'Mars/Olympus')).toMatch(/Invalid timezone 'Mars\/Olympus'/);
      expect(() => nextRunAfter('0 0 30 2 *', 'UTC', new Date('2026-01-01T00:00:00Z'))).toThrow(
        'schedule "0 0 30 2 *" never fires after 2026-01-01T00:00:00.000Z',
      );
    });

    it('knows IANA zones and rejects unknown ones', () => {
      expect(isTimeZone('Europe/Rome')).toBe(true);
      expect(isTimeZone('UTC')).toBe(true);
      expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    });
  });
});

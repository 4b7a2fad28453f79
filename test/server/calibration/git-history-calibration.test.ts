import { describe, expect, it } from 'vitest';
import { deriveRoster } from '../../../server/history/derive-roster';
import { readGitHistory } from '../../../server/history/read-git';
import { defaultHistoryRules } from '../../../server/history/rules';
import { runBacktest } from '../../../server/services/calibration/backtest';
import { fitHistory } from '../../../server/services/calibration/fit';
import { teamHistory } from '../../../server/services/calibration/team-history';
import { defaultParameters } from '../../../shared/index';
import { gitHistoryText } from '../../helpers/git-history-data';

/** A two-rung ladder: whoever lands others' changes may sign off; everyone else authors. */
const levels = [
  { id: 'contributor', canSignOff: false, changesPerWeek: 3 },
  { id: 'maintainer', canSignOff: true, changesPerWeek: 3 },
];

const dayMs = 86_400_000;
/** Monday (UTC) of an instant, YYYY-MM-DD. */
const mondayOf = (ms: number) => {
  const day = Math.floor(ms / dayMs);
  return new Date((day - ((day + 3) % 7)) * dayMs).toISOString().slice(0, 10);
};

/** Independent reading of the raw log: per commit its author, committer and both dates. */
const rawCommits = (text: string) =>
  text
    .split('\u001e')
    .slice(1)
    .map((record) => {
      const f = record.split('\u001f');
      return {
        author: (f[2]!.trim() || f[1]!.trim()).toLowerCase(),
        committer: (f[5]!.trim() || f[4]!.trim()).toLowerCase(),
        authoredAt: Date.parse(f[3]!),
        committedAt: Date.parse(f[6]!),
      };
    });

/**
 * The weeks the raw log shows whole: Mondays from the week of its first landed commit to the week
 * before that of its last event (the log ends inside that week, so the week is partial).
 */
const wholeWeeks = (text: string) => {
  const commits = rawCommits(text);
  const first = Math.min(...commits.map((c) => c.committedAt));
  const last = Math.max(...commits.map((c) => Math.max(c.authoredAt, c.committedAt)));
  const weeks: string[] = [];
  for (let ms = Date.parse(mondayOf(first)); ms < Date.parse(mondayOf(last)); ms += 7 * dayMs)
    weeks.push(new Date(ms).toISOString().slice(0, 10));
  return { weeks, partial: mondayOf(last) };
};

/** Independent weekly counts of sign-off demand (contributors' commits landed by someone else). */
const independentCounts = (text: string, weeks: string[]) => {
  const commits = rawCommits(text);
  const signers = new Set(commits.filter((c) => c.committer !== c.author).map((c) => c.committer));
  const demand = commits
    .filter((c) => c.committer !== c.author && !signers.has(c.author))
    .map((c) => ({
      ...c,
      authoredWeek: mondayOf(c.authoredAt),
      signedWeek: mondayOf(Math.max(c.authoredAt, c.committedAt)),
      hours: Math.max(0, c.committedAt - c.authoredAt) / 3_600_000,
    }));
  const authoredWeeks = commits.map((c) => mondayOf(c.authoredAt));
  return weeks.map((week) => {
    const authoredThisWeek = demand.filter((c) => c.authoredWeek === week);
    const hours = authoredThisWeek.map((c) => c.hours).sort((a, b) => a - b);
    const median =
      hours.length === 0 ? null : Math.round(hours[Math.ceil(hours.length / 2) - 1]! * 100) / 100;
    return {
      week,
      authored: authoredWeeks.filter((w) => w === week).length,
      signoffDemand: authoredThisWeek.length,
      signoffsCompleted: demand.filter((c) => c.signedWeek === week).length,
      open: demand.filter((c) => c.authoredWeek <= week && c.signedWeek > week).length,
      medianHoursToSignoff: median,
    };
  });
};

const pct = (v: number | null) => (v === null ? '   -  ' : `${(v * 100).toFixed(1).padStart(5)}%`);
const num = (v: number | null) => (v === null ? '  -  ' : v.toFixed(2).padStart(5));

describe('calibration on git history (real data)', () => {
  it('fits and backtests the git history: actuals equal independent counts, errors finite', async () => {
    const text = gitHistoryText();
    const read = await readGitHistory(
      (async function* () {
        yield text;
      })(),
      defaultHistoryRules,
    );
    const roster = new Map(deriveRoster(read.changes, levels).map((p) => [p.identity, p.level]));
    const headcount: Record<string, number> = {};
    for (const level of roster.values()) headcount[level] = (headcount[level] ?? 0) + 1;
    const placed = read.changes.map((c) => ({
      ...c,
      team: 'git',
      level: roster.get(c.author) ?? 'unmatched',
    }));
    const history = teamHistory(placed, levels, headcount);

    // The log's last event is Thursday 2026-08-20: its week is left out
    const whole = wholeWeeks(text);
    expect(whole.partial).toBe('2026-08-17');
    expect(whole.weeks.at(-1)).toBe('2026-08-10');
    expect(history.partialWeek).toBe(whole.partial);
    const expected = independentCounts(text, whole.weeks);
    expect(
      history.weeks.map(
        ({ week, authored, signoffDemand, signoffsCompleted, open, medianHoursToSignoff }) => ({
          week,
          authored: authored.contributor! + authored.maintainer!,
          signoffDemand,
          signoffsCompleted,
          open,
          medianHoursToSignoff,
        }),
      ),
    ).toEqual(expected);

    const fit = fitHistory(history, defaultParameters);
    for (const { value, low, high } of Object.values(fit.fitted)) {
      expect([value, low, high].every(Number.isFinite)).toBe(true);
    }
    const backtest = runBacktest(history, defaultParameters, {
      originWeeks: 26,
      horizonWeeks: 12,
      runs: 40,
      seed: 1,
    });
    expect(backtest.origins).toBe(26);
    const lines = [
      `git history: ${history.weeks.length} weeks, ${read.changes.length} changes; backtest over 26 origins`,
    ];
    lines.push('metric               h   MAPE     MASE  coverage');
    for (const [metric, score] of Object.entries(backtest.metrics)) {
      for (const [h, s] of Object.entries(score.byHorizon)) {
        expect(Number.isFinite(s.mase)).toBe(true);
        expect(Number.isFinite(s.coverage)).toBe(true);
        lines.push(`${metric.padEnd(20)} ${h.padStart(2)} ${pct(s.mape)} ${num(s.mase)}  ${pct(s.coverage)}`);
      }
    }
    console.log(lines.join('\n'));
  }, 60_000);
});

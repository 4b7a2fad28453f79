import { and, eq, inArray } from 'drizzle-orm';
import type { ModelError, Scenario } from '../../../shared/index';
import type { Db } from '../../db/client';
import { calibrations } from '../../db/schema';
import type { Backtest } from './backtest';

/** The metrics a model-error line states, with their words. */
const stated = [
  ['signoffDemand', 'sign-off demand'],
  ['open', 'open changes'],
  ['medianHoursToSignoff', 'hours to sign-off'],
] as const;

const percent = (value: number | null) => (value === null ? 'n/a' : `${Math.round(value * 100)}%`);

/** The longest reported backtest horizon within `horizonWeeks` (the shortest when none is). */
const horizonFor = (backtest: Backtest, horizonWeeks: number): number => {
  const reported = Object.keys(Object.values(backtest.metrics)[0]?.byHorizon ?? {}).map(Number);
  const within = reported.filter((h) => h <= horizonWeeks);
  return within.length > 0 ? Math.max(...within) : Math.min(...reported);
};

/** A calibrated team's line from its calibration's backtest, at the forecast's horizon. */
export function calibratedLine(
  team: { id: string; name: string },
  calibrationId: string,
  backtest: Backtest,
  horizonWeeks: number,
): ModelError {
  const h = horizonFor(backtest, horizonWeeks);
  const metrics: ModelError['metrics'] = {};
  const parts = stated.map(([metric, words]) => {
    const score = backtest.metrics[metric]?.byHorizon[String(h)];
    const medianError = score?.medianError ?? null;
    metrics[metric] = { medianError, coverage: score?.coverage ?? null };
    return `${words} median abs error ${percent(medianError)} at ${h} weeks, P10-P90 covered ${percent(score?.coverage ?? null)} of actuals`;
  });
  const beyond =
    horizonWeeks > backtest.horizonWeeks ? `; not tested beyond ${backtest.horizonWeeks} weeks` : '';
  return {
    teamId: team.id,
    team: team.name,
    status: 'calibrated',
    calibrationId,
    horizonWeeks: h,
    testedWeeks: backtest.horizonWeeks,
    metrics,
    text: `Backtest over ${backtest.origins} origins: ${parts.join('; ')}${beyond}.`,
  };
}

const uncheckedLine = (team: { id: string; name: string }, byHand: boolean): ModelError => ({
  teamId: team.id,
  team: team.name,
  status: byHand ? 'by-hand' : 'uncalibrated',
  calibrationId: null,
  horizonWeeks: null,
  testedWeeks: null,
  metrics: {},
  text: byHand
    ? 'Not calibrated: the scenario sets this team’s parameters by hand; how wrong they are is unmeasured.'
    : 'Not calibrated: this team’s forecast uses the org’s parameters; how wrong it is is unmeasured.',
});

/**
 * Every team's model-error line for a forecast of `horizonWeeks` weeks of a scenario: from the
 * stored calibration its `teamParameters` name, else plainly uncalibrated.
 */
export async function modelErrorLines(
  db: Db,
  orgId: string,
  teams: readonly { id: string; name: string }[],
  teamParameters: Scenario['teamParameters'],
  horizonWeeks: number,
): Promise<ModelError[]> {
  const ids = Object.values(teamParameters ?? {}).flatMap((p) => (p.calibrationId ? [p.calibrationId] : []));
  const rows =
    ids.length === 0
      ? []
      : await db
          .select({ id: calibrations.id, result: calibrations.result })
          .from(calibrations)
          .where(and(eq(calibrations.orgId, orgId), inArray(calibrations.id, ids)))
          .all();
  const backtests = new Map(rows.map((r) => [r.id, (r.result as { backtest: Backtest }).backtest]));
  return teams.map((team) => {
    const given = teamParameters?.[team.id];
    const backtest = given?.calibrationId ? backtests.get(given.calibrationId) : undefined;
    if (given?.calibrationId && backtest)
      return calibratedLine(team, given.calibrationId, backtest, horizonWeeks);
    return uncheckedLine(team, given !== undefined);
  });
}

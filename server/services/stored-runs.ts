import { and, eq, sql } from 'drizzle-orm';
import type { Forecast } from '../../shared/index';
import type { Db } from '../db/client';
import { forecastRuns } from '../db/schema';
import { notFound } from '../errors';
import type { BodyEncoding, ForecastMemo, MemoRun } from './forecast-memo';

type RunRow = typeof forecastRuns.$inferSelect;

/** The columns of a run that {@link runView} shows. */
export const viewColumns = {
  id: forecastRuns.id,
  scenarioId: forecastRuns.scenarioId,
  version: forecastRuns.version,
  options: forecastRuns.options,
  createdAt: forecastRuns.createdAt,
  summary: forecastRuns.summary,
};

/** A stored run as the API shows it; `series` only when asked for (the full engine Forecast). */
export const runView = (
  row: Pick<RunRow, 'id' | 'scenarioId' | 'version' | 'options' | 'createdAt' | 'summary'>,
  cached: boolean,
) => ({
  id: row.id,
  scenarioId: row.scenarioId,
  version: row.version,
  options: row.options,
  cached,
  createdAt: row.createdAt.toISOString(),
  summary: row.summary,
});

/** The stored series of run `id`, parsed. */
export async function loadSeries(db: Db, id: string): Promise<Forecast> {
  const row = await db
    .select({ series: forecastRuns.series })
    .from(forecastRuns)
    .where(eq(forecastRuns.id, id))
    .get();
  return row!.series;
}

/** The stored series of run `id` as its JSON text (no parse: responses embed it as is). */
async function seriesJson(db: Db, id: string): Promise<string> {
  const row = await db
    .select({ series: sql<string>`${forecastRuns.series}` })
    .from(forecastRuns)
    .where(eq(forecastRuns.id, id))
    .get();
  return row!.series;
}

/** The JSON body of a run: its view with the series JSON text as `forecast`, not re-serialised. */
export const runJson = (run: MemoRun['run'], seriesJson: string): string =>
  `${JSON.stringify(run).slice(0, -1)},"forecast":${seriesJson}}`;

/**
 * The JSON body (`ForecastRun` with `forecast`) of a stored run of the org in `encoding`, from
 * `memo` when it has it; 404 for another org's or an unknown run.
 */
export async function storedRunBody(
  db: Db,
  memo: ForecastMemo,
  orgId: string,
  run: MemoRun['run'] | string,
  encoding: BodyEncoding,
): Promise<Uint8Array<ArrayBuffer>> {
  const view = typeof run === 'string' ? await storedRunView(db, orgId, run) : run;
  return memo.body(orgId, view.id, encoding, async () => runJson(view, await seriesJson(db, view.id)));
}

async function storedRunView(db: Db, orgId: string, id: string) {
  const row = await db
    .select(viewColumns)
    .from(forecastRuns)
    .where(and(eq(forecastRuns.id, id), eq(forecastRuns.orgId, orgId)))
    .get();
  if (!row) throw notFound('forecast run');
  return runView(row, true);
}

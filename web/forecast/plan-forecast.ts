import { type Accessor, createMemo, createResource } from 'solid-js';
import type { Forecast } from '../../shared';
import { api } from '../api/client';
import type { OrgModel, ScenarioVersion } from '../api/types';
import { type ChartEvent, chartEventsOf } from '../charts/chart-events';
import { currentMonday, engineInput } from '../scenario/editor-input';
import { createForecastRunner } from '../workers/engine-client';
import { previewFiguresSource, storedFiguresSource } from './figures-source';
import { storedReviewersNeeded } from './stored-reviewers';

interface PlanForecastSources {
  /** The org and the plan-of-record scenario id, once known. */
  plan: Accessor<{ slug: string; id: string } | null>;
  /** Whether the caller may run forecasts on the server (planners and admins). */
  serverRuns: Accessor<boolean>;
  model: Accessor<OrgModel | undefined>;
  /** Version `version` of a scenario, or its latest. */
  load: (id: string, version?: number) => Promise<ScenarioVersion>;
  /** The org's zone (its weeks start at the local Monday 00:00 there). */
  timeZone: string;
}

const BROWSER_RUNS = 200;

/**
 * The plan of record's forecast: the server's cached run for planners and admins; for viewers,
 * whom the API does not let start runs, the same scenario on the engine in the browser worker.
 * The events of the version forecast are marked on the charts.
 */
export function createPlanForecast(sources: PlanForecastSources) {
  const [run, { refetch }] = createResource(
    () => (sources.serverRuns() ? sources.plan() : null),
    ({ slug, id }) => api.forecast(slug, id),
  );
  // An errored resource throws when read; its error is shown through `error` below, so every
  // other read sees it as not loaded (a read in a memo or a source would throw out of the page).
  const storedRun = () => (run.error ? undefined : run());
  const [version] = createResource(
    () => {
      const id = sources.plan()?.id;
      if (!id) return null;
      if (!sources.serverRuns()) return { id };
      const stored = storedRun();
      return stored ? { id, version: stored.version } : null;
    },
    ({ id, version }: { id: string; version?: number }) => sources.load(id, version),
  );
  const loadedVersion = () => (version.error ? undefined : version());
  const startWeek = currentMonday(sources.timeZone);
  const runner = createForecastRunner(
    createMemo(() => {
      const model = sources.model();
      const loaded = loadedVersion();
      return model && loaded && !sources.serverRuns() ? engineInput(model, loaded.scenario, startWeek) : null;
    }),
    { runs: BROWSER_RUNS, settleMs: 0 },
  );
  return {
    forecast: (): Forecast | undefined => storedRun()?.forecast ?? runner.forecast(),
    /** The stored server run's per-team answers, when there is one that has them. */
    answers: () => storedRun()?.summary.teams,
    /** The events of the forecast's scenario version, for the charts' time axis. */
    events: createMemo((): ChartEvent[] | undefined => {
      const loaded = loadedVersion();
      const teams = sources.model()?.org.teams ?? [];
      return loaded
        ? chartEventsOf(loaded.scenario.events ?? [], new Map(teams.map((team) => [team.id, team.name])))
        : undefined;
    }),
    /** "P50 of the 500-run server forecast, version 3", for the team answers table. */
    answersSource: () => {
      const r = storedRun();
      return r ? `P50 of the ${r.options.runs}-run server forecast of version ${r.version}` : '';
    },
    reviewersNeeded: (): number | null => {
      const summary = storedRun()?.summary;
      return summary ? storedReviewersNeeded(summary) : runner.reviewersNeeded();
    },
    error: (): unknown =>
      run.error ?? version.error ?? (runner.issues()[0] ? new Error(runner.issues()[0]!.message) : null),
    retry: () => void refetch(),
    /** Where the headline figures come from: the percentile and the run. */
    figuresSource: () => {
      const r = storedRun();
      return r ? storedFiguresSource(r) : previewFiguresSource(BROWSER_RUNS, runner);
    },
    /** Where the numbers come from, for the page's note. */
    source: () =>
      sources.serverRuns()
        ? `stored ${storedRun()?.options.runs ?? ''}-run server forecast`
        : `live preview: ${BROWSER_RUNS} Monte Carlo runs in this browser`,
  };
}

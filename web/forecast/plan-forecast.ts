import { type Accessor, createMemo, createResource, createSignal, onCleanup } from 'solid-js';
import type { Forecast } from '../../shared';
import { storedReviewersNeeded } from '../../shared/contract/dashboard-view';
import { api } from '../api/client';
import type { OrgModel, ScenarioVersion } from '../api/types';
import { affectsTeam, type ChartEvent, chartEventsOf } from '../charts/chart-events';
import { currentMonday, engineInput } from '../scenario/editor-input';
import { createForecastRunner } from '../workers/engine-client';
import { type FiguresSource, previewFiguresSource, storedFiguresSource } from './figures-source';

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
 * The events of a scenario version, for the charts' time axis (team ids named from the model);
 * with `teamId`, only those that change that team.
 */
export function versionEvents(
  loaded: ScenarioVersion | undefined,
  model: OrgModel | undefined,
  teamId?: string,
): ChartEvent[] | undefined {
  const teams = model?.org.teams ?? [];
  const events = (loaded?.scenario.events ?? []).filter(
    (event) => teamId === undefined || affectsTeam(event, teamId),
  );
  return loaded ? chartEventsOf(events, new Map(teams.map((team) => [team.id, team.name]))) : undefined;
}

/** Whole seconds since the accessor was made (the page asked), while `counting` holds; null otherwise. */
function secondsWhile(counting: Accessor<boolean>): Accessor<number | null> {
  const started = Date.now();
  const [now, setNow] = createSignal(started);
  const tick = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(tick));
  return () => (counting() ? Math.round((now() - started) / 1000) : null);
}

/**
 * The plan of record's forecast: the server's stored run for planners and admins; for viewers,
 * whom the API does not let start runs, the same scenario on the engine in the browser worker.
 * While the server computes a run it has not stored yet (half a minute for the demo org's 500
 * runs on a fresh database), planners see the latest version's mean path from the browser,
 * labelled as such, and the seconds the server has been at it. The events of the version
 * forecast are marked on the charts.
 */
export function createPlanForecast(sources: PlanForecastSources) {
  const [run, { refetch }] = createResource(
    () => (sources.serverRuns() ? sources.plan() : null),
    ({ slug, id }) => api.forecast(slug, id),
  );
  // An errored resource throws when read; its error is shown through `error` below, so every
  // other read sees it as not loaded (a read in a memo or a source would throw out of the page).
  const storedRun = () => (run.error ? undefined : run());
  /** Whether the server is computing the stored run (planners and admins). */
  const computing = () => sources.serverRuns() && run.loading;
  const [version] = createResource(
    () => {
      const id = sources.plan()?.id;
      if (!id) return null;
      const stored = sources.serverRuns() ? storedRun() : undefined;
      return stored ? { id, version: stored.version } : { id };
    },
    ({ id, version }: { id: string; version?: number }) => sources.load(id, version),
  );
  const loadedVersion = () => (version.error ? undefined : version());
  const startWeek = currentMonday(sources.timeZone);
  const inputWhen = (wanted: Accessor<boolean>) =>
    createMemo(() => {
      const model = sources.model();
      const loaded = loadedVersion();
      return model && loaded && wanted() ? engineInput(model, loaded.scenario, startWeek) : null;
    });
  const runner = createForecastRunner(
    inputWhen(() => !sources.serverRuns()),
    { runs: BROWSER_RUNS, settleMs: 0 },
  );
  const computingSeconds = secondsWhile(computing);
  // Only a run that takes a while: a stored one comes back before a preview would be worth it.
  const waiting = createForecastRunner(
    inputWhen(() => (computingSeconds() ?? 0) >= 1),
    { runs: 0, settleMs: 0 },
  );
  const preview = () => (sources.serverRuns() ? waiting : runner);
  return {
    forecast: (): Forecast | undefined => storedRun()?.forecast ?? preview().forecast(),
    /** Seconds the server has been computing the stored run, while it does (null otherwise). */
    computingSeconds,
    /** The stored server run's per-team answers, when there is one that has them. */
    answers: () => storedRun()?.summary.teams,
    /** The events of the forecast's scenario version, for the charts' time axis. */
    events: createMemo(() => versionEvents(loadedVersion(), sources.model())),
    /** "P50 of the 500-run server forecast, version 3", for the team answers table. */
    answersSource: () => {
      const r = storedRun();
      return r ? `P50 of the ${r.options.runs}-run server forecast of version ${r.version}` : '';
    },
    reviewersNeeded: (): number | null => {
      const summary = storedRun()?.summary;
      return summary ? storedReviewersNeeded(summary) : preview().reviewersNeeded();
    },
    error: (): unknown => {
      const issue = preview().issues()[0];
      return run.error ?? version.error ?? (issue ? new Error(issue.message) : null);
    },
    retry: () => void refetch(),
    /** Where the headline figures come from: the percentile and the run. */
    figuresSource: (): FiguresSource => {
      const r = storedRun();
      if (r) return storedFiguresSource(r);
      return sources.serverRuns()
        ? previewFiguresSource(0, waiting, 'the server forecast is computing')
        : previewFiguresSource(BROWSER_RUNS, runner);
    },
    /** Where the numbers come from, for the page's note. */
    source: () => {
      const r = storedRun();
      if (r) return `stored ${r.options.runs}-run server forecast`;
      return sources.serverRuns()
        ? 'live preview: mean path in this browser while the server computes its forecast'
        : `live preview: ${BROWSER_RUNS} Monte Carlo runs in this browser`;
    },
  };
}

import { type Accessor, createMemo, createResource } from 'solid-js';
import type { ForecastJob } from '../../shared/contract/forecast-job';
import { api } from '../api/client';
import type { DashboardView, OrgModel, ScenarioVersion } from '../api/types';
import { createDeferredAnswer } from './deferred-answer';
import { type FiguresSource, storedFiguresSource } from './figures-source';
import { versionEvents } from './plan-forecast';
import { figuresOf } from './summary';

/**
 * Orgs of more than largeOrgTeams teams read the Dashboard's compact view of the stored run (GET
 * .../reports/dashboard: teams grouped in the heat map) instead of the whole run, whose JSON grows
 * with the teams (about 57 KB a team over 52 weeks); from the same count tables virtualise.
 */
export { largeOrgTeams } from '../../shared/contract/dashboard-view';

/** Whether the Dashboard's answer is the view (else the background job computing its run). */
const isView = (body: DashboardView | ForecastJob): body is DashboardView => 'forecast' in body;

interface PlanDashboardSources {
  /** The org and the plan-of-record scenario id, once known and the org is large. */
  plan: Accessor<{ slug: string; id: string } | null>;
  model: Accessor<OrgModel | undefined>;
  /** Version `version` of a scenario. */
  load: (id: string, version: number) => Promise<ScenarioVersion>;
}

/**
 * A large org's plan of record on the Dashboard: the server's compact view of its stored default
 * forecast (for every role; while it is not stored, the server computes it in a background job
 * whose progress is followed until the view can be read), the headline figures
 * from its org bands and team tally, and the events of the version it read for the charts.
 */
export function createPlanDashboard(sources: PlanDashboardSources) {
  const answer = createDeferredAnswer(sources.plan, ({ slug, id }) => api.dashboard(slug, id), isView);
  const loaded = answer.loaded;
  const [version] = createResource(
    () => {
      const v = loaded();
      const id = sources.plan()?.id;
      return v && id ? { id, version: v.scenario.version } : null;
    },
    ({ id, version }) => sources.load(id, version),
  );
  return {
    view: loaded,
    /** The background job computing the run while it is not stored (an org too large to compute it within a request). */
    computing: answer.computing,
    error: answer.error,
    retry: answer.refetch,
    /** Headline figures: the org's from its bands, the teams' from the server's tally. */
    figures: createMemo(() => {
      const v = loaded();
      return v ? figuresOf(v.forecast, v.teams) : undefined;
    }),
    /** "P50, 500-run server forecast of version 3". */
    source: (): FiguresSource | undefined => {
      const v = loaded();
      return v ? storedFiguresSource({ version: v.scenario.version, options: { runs: v.runs } }) : undefined;
    },
    events: createMemo(() => versionEvents(version.error ? undefined : version(), sources.model())),
  };
}

export type PlanDashboard = ReturnType<typeof createPlanDashboard>;

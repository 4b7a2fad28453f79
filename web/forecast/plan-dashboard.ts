import { type Accessor, createMemo, createResource } from 'solid-js';
import { api } from '../api/client';
import type { OrgModel, ScenarioVersion } from '../api/types';
import { virtualAbove } from '../components/virtual-rows';
import { type FiguresSource, storedFiguresSource } from './figures-source';
import { versionEvents } from './plan-forecast';
import { figuresOf } from './summary';

/**
 * Orgs of more than this many teams read the Dashboard's compact view of the stored run (GET
 * .../reports/dashboard: teams grouped in the heat map) instead of the whole run, whose JSON grows
 * with the teams (about 57 KB a team over 52 weeks); from the same count tables virtualise.
 */
export const largeOrgTeams = virtualAbove;

interface PlanDashboardSources {
  /** The org and the plan-of-record scenario id, once known and the org is large. */
  plan: Accessor<{ slug: string; id: string } | null>;
  model: Accessor<OrgModel | undefined>;
  /** Version `version` of a scenario. */
  load: (id: string, version: number) => Promise<ScenarioVersion>;
}

/**
 * A large org's plan of record on the Dashboard: the server's compact view of its stored default
 * forecast (for every role; the server computes it if it is not stored yet), the headline figures
 * from its org bands and team tally, and the events of the version it read for the charts.
 */
export function createPlanDashboard(sources: PlanDashboardSources) {
  const [view, { refetch }] = createResource(sources.plan, ({ slug, id }) => api.dashboard(slug, id));
  const loaded = () => (view.error ? undefined : view());
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
    error: (): unknown => view.error,
    retry: () => void refetch(),
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

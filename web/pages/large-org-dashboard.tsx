import { lazy, Match, Show, Suspense, Switch } from 'solid-js';
import { BackgroundForecast, ForecastJobPanel } from '../components/forecast-job-panel';
import { HeadlineFigureCards } from '../components/headline-figures';
import { ErrorMessage, Loading } from '../components/states';
import { TeamAnswersTable } from '../components/team-answers-table';
import type { PlanDashboard } from '../forecast/plan-dashboard';
import { formatNumber } from '../format';

const ForecastCharts = lazy(() =>
  import('../charts/forecast-charts').then((module) => ({ default: module.ForecastCharts })),
);

/**
 * The Dashboard of an org too large for its whole forecast in the browser: the same headline
 * figures and charts from the server's compact view of the stored run, the burnout heat map in
 * groups of teams by peak rank and the team answers in a virtualised table. While the forecast is
 * not stored, the server computes it in the background and the page shows that job's progress;
 * planners whose forecast failed can run it in the background again.
 */
export function LargeOrgDashboard(props: {
  dashboard: PlanDashboard;
  label: string;
  /** The org and plan of record, when the caller may start background forecasts. */
  jobTarget: { slug: string; id: string } | null;
}) {
  const d = props.dashboard;
  return (
    <Switch>
      <Match when={d.error()}>
        <ErrorMessage error={d.error()} retry={d.retry} />
        <Show when={props.jobTarget}>
          {(target) => <ForecastJobPanel slug={target().slug} scenarioId={target().id} onDone={d.retry} />}
        </Show>
      </Match>
      <Match when={d.computing()}>{(job) => <BackgroundForecast job={job()} page="The Dashboard" />}</Match>
      <Match when={d.view()}>
        {(view) => (
          <>
            <HeadlineFigureCards
              figures={d.figures()!}
              horizonWeeks={view().forecast.weeks.length}
              reviewersNeeded={view().reviewersNeeded}
              source={d.source()!}
            />
            <div class="dashboard-grid">
              <Suspense fallback={<Loading what="charts" />}>
                <ForecastCharts
                  forecast={{ ...view().forecast, teams: [] }}
                  label={props.label}
                  events={d.events()}
                  reading="P50"
                  source={d.source()!.run}
                  burnoutGroups={{ groups: view().burnoutGroups, teamCount: view().teams.teamCount }}
                />
              </Suspense>
              <TeamAnswersTable
                rows={view().answers}
                source={`P50 of the ${view().runs}-run server forecast of version ${view().scenario.version}`}
              />
            </div>
            <p class="muted">
              Source: stored {view().runs}-run server forecast; {formatNumber(view().teams.teamCount)} teams,
              grouped in the heat map.
            </p>
          </>
        )}
      </Match>
      <Match when={true}>
        <Loading what="the plan of record forecast" />
      </Match>
    </Switch>
  );
}

import { createResource, lazy, Match, Show, Suspense, Switch } from 'solid-js';
import { api } from '../api/client';
import { HeadlineFigures } from '../components/headline-figures';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { TeamsBreachList } from '../components/teams-breach-list';
import { Link } from '../router';
import { useStores } from '../stores/context';

const ForecastCharts = lazy(() =>
  import('../charts/forecast-charts').then((module) => ({ default: module.ForecastCharts })),
);

/** The plan of record: headline figures, backlog fan chart, incidents, burnout heat map, teams by first breach. */
export function DashboardPage() {
  const { session, scenarios } = useStores();
  const [{ list }] = scenarios;
  const plan = () => list()?.find((scenario) => scenario.planOfRecord) ?? null;
  const [run, { refetch }] = createResource(
    () => {
      const slug = session[0].orgSlug();
      const id = plan()?.id;
      return slug && id ? { slug, id } : null;
    },
    ({ slug, id }) => api.forecast(slug, id),
  );
  return (
    <section class="page">
      <h2>
        Dashboard
        <Show when={plan()}>{(p) => <span class="subtitle"> · plan of record: {p().name}</span>}</Show>
      </h2>
      <Switch>
        <Match when={list.error}>
          <ErrorMessage error={list.error} retry={() => void scenarios[1].reload()} />
        </Match>
        <Match when={list.loading}>
          <Loading what="scenarios" />
        </Match>
        <Match when={!plan()}>
          <Empty title="No plan of record yet.">
            <p>
              Build a scenario in the <Link href="/scenarios/new">scenario editor</Link> and mark it as the
              plan of record.
            </p>
          </Empty>
        </Match>
        <Match when={run.error}>
          <ErrorMessage error={run.error} retry={() => void refetch()} />
        </Match>
        <Match when={run()}>
          {(current) => (
            <>
              <HeadlineFigures
                forecast={current().forecast}
                reviewersNeeded={current().summary.reviewersNeeded.reduce(
                  (sum, team) => sum + team.reviewersNeeded,
                  0,
                )}
              />
              <div class="dashboard-grid">
                <Suspense fallback={<Loading what="charts" />}>
                  <ForecastCharts forecast={current().forecast} label={plan()?.name ?? 'Plan of record'} />
                </Suspense>
                <TeamsBreachList forecast={current().forecast} />
              </div>
            </>
          )}
        </Match>
        <Match when={run.loading}>
          <Loading what="the plan of record forecast" />
        </Match>
      </Switch>
    </section>
  );
}

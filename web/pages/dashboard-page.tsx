import { A } from '@solidjs/router';
import { lazy, Match, Show, Suspense, Switch } from 'solid-js';
import { rowOfAnswer } from '../answers/answer-rows';
import { HeadlineFigures } from '../components/headline-figures';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { TeamAnswersTable } from '../components/team-answers-table';
import { TeamsBreachList } from '../components/teams-breach-list';
import { createPlanDashboard, largeOrgTeams } from '../forecast/plan-dashboard';
import { createPlanForecast } from '../forecast/plan-forecast';
import { useStores } from '../stores/context';
import { LargeOrgDashboard } from './large-org-dashboard';

const ForecastCharts = lazy(() =>
  import('../charts/forecast-charts').then((module) => ({ default: module.ForecastCharts })),
);

/** While the server computes the plan of record's run: for how long so far, and what shows until then. */
function ComputingNote(props: { seconds: number | null }) {
  return (
    <Show when={props.seconds !== null}>
      <p class="state state-loading computing-note" role="status" data-testid="computing-note">
        The server is computing the plan of record's forecast: {props.seconds} s so far (a version's first
        run; later visits read the stored run). Until it is in, the figures are this browser's mean path.
      </p>
    </Show>
  );
}

/** The plan of record: headline figures, backlog fan chart, incidents, burnout heat map, teams by first breach. */
export function DashboardPage() {
  const { session, scenarios, model } = useStores();
  const [{ list }] = scenarios;
  const plan = () => list()?.find((scenario) => scenario.planOfRecord) ?? null;
  const target = () => {
    const slug = session[0].orgSlug();
    const id = plan()?.id;
    return slug && id ? { slug, id } : null;
  };
  const orgModel = model[0].model;
  /** Whether the org has too many teams for its whole forecast here (undefined until the model is in; small if it fails). */
  const large = (): boolean | undefined => {
    if (orgModel.error) return false;
    const teams = orgModel()?.org.teams.length;
    return teams === undefined ? undefined : teams > largeOrgTeams;
  };
  const planDashboard = createPlanDashboard({
    plan: () => (large() ? target() : null),
    model: orgModel,
    load: scenarios[1].load,
  });
  const planForecast = createPlanForecast({
    plan: () => (large() === false ? target() : null),
    serverRuns: session[0].canEdit,
    model: orgModel,
    load: scenarios[1].load,
    timeZone: session[0].orgTimeZone(),
  });
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
              Build a scenario in the <A href="/scenarios/new">scenario editor</A> and mark it as the plan of
              record.
            </p>
          </Empty>
        </Match>
        <Match when={large()}>
          <LargeOrgDashboard
            dashboard={planDashboard}
            label={plan()?.name ?? 'Plan of record'}
            jobTarget={session[0].canEdit() ? target() : null}
          />
        </Match>
        <Match when={planForecast.error()}>
          <ErrorMessage error={planForecast.error()} retry={planForecast.retry} />
        </Match>
        <Match when={planForecast.forecast()}>
          {(forecast) => (
            <>
              <ComputingNote seconds={planForecast.computingSeconds()} />
              <HeadlineFigures
                forecast={forecast()}
                reviewersNeeded={planForecast.reviewersNeeded()}
                source={planForecast.figuresSource()}
              />
              <div class="dashboard-grid">
                <Suspense fallback={<Loading what="charts" />}>
                  <ForecastCharts
                    forecast={forecast()}
                    label={plan()?.name ?? 'Plan of record'}
                    events={planForecast.events()}
                    reading={planForecast.figuresSource().reading}
                    source={planForecast.figuresSource().run}
                  />
                </Suspense>
                <Show
                  when={planForecast.answers()}
                  fallback={
                    <TeamsBreachList forecast={forecast()} reading={planForecast.figuresSource().reading} />
                  }
                >
                  {(answers) => (
                    <TeamAnswersTable
                      rows={answers().map(rowOfAnswer)}
                      source={planForecast.answersSource()}
                    />
                  )}
                </Show>
              </div>
              <p class="muted">Source: {planForecast.source()}.</p>
            </>
          )}
        </Match>
        <Match when={true}>
          <Loading what="the plan of record forecast" />
          <ComputingNote seconds={planForecast.computingSeconds()} />
        </Match>
      </Switch>
    </section>
  );
}

import { A } from '@solidjs/router';
import { createResource, For, Match, Show, Switch } from 'solid-js';
import type { Band, Forecast, TeamAnswer } from '../../shared';
import { fixSentences, whySentences } from '../answers/why';
import { api } from '../api/client';
import type { ChartEvent } from '../charts/chart-events';
import { FanChart } from '../charts/fan-chart';
import { okabeIto } from '../charts/palette';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { versionEvents } from '../forecast/plan-forecast';
import { useStores } from '../stores/context';

const charts = [
  { title: 'Sign-off backlog', unit: 'changes waiting', metric: 'backlog', colour: okabeIto.blue, digits: 0 },
  {
    title: 'Utilisation',
    unit: '% of review hours',
    metric: 'utilization',
    colour: okabeIto.vermillion,
    digits: 0,
    percent: true,
  },
  {
    title: 'P90 wait for a sign-off',
    unit: 'working hours',
    metric: 'p90WaitHours',
    colour: okabeIto.green,
    digits: 0,
  },
  { title: 'Burnout risk', unit: 'index 0-100', metric: 'burnoutRisk', colour: okabeIto.purple, digits: 0 },
] as const;

/**
 * One team's answers: why it breaches (the change from today of each driver) and what fixes it,
 * with its charts, from the stored server forecast of a scenario version (`?scenario=&version=`;
 * default the plan of record, latest version).
 */
export function TeamAnswersPage(props: { teamId: string }) {
  const { session, scenarios, model } = useStores();
  const query = new URLSearchParams(window.location.search);
  const target = () => {
    const slug = session[0].orgSlug();
    const id = query.get('scenario') ?? scenarios[0].list()?.find((s) => s.planOfRecord)?.id;
    const version = Number(query.get('version')) || undefined;
    return slug && id && session[0].canEdit() ? { slug, id, version } : null;
  };
  const [run] = createResource(target, ({ slug, id, version }) => api.forecast(slug, id, { version }));
  const [version] = createResource(
    () => {
      const of = target();
      const stored = run.error ? undefined : run();
      return of && stored ? { slug: of.slug, id: of.id, version: stored.version } : null;
    },
    ({ slug, id, version }) => api.scenarioVersion(slug, id, version),
  );
  const events = () => versionEvents(version.error ? undefined : version(), model[0].model(), props.teamId);
  const team = () => run()?.forecast.teams.find((t) => t.id === props.teamId);
  const answer = (): TeamAnswer | undefined => run()?.summary.teams?.find((t) => t.teamId === props.teamId);
  return (
    <section class="page">
      <p>
        <A href="/">← Dashboard</A>
      </p>
      <Switch>
        <Match when={!session[0].canEdit()}>
          <Empty title="Team answers come from server forecasts, which planners and admins run." />
        </Match>
        <Match when={run.error}>
          <ErrorMessage error={run.error} />
        </Match>
        <Match when={run() && !team()}>
          <Empty title="No such team in this forecast." />
        </Match>
        <Match when={run() && team()}>
          <h2>{team()!.name}</h2>
          <p class="muted">
            Source: P50 of the {run()!.options.runs}-run server forecast of scenario version {run()!.version}
            {run()!.cached ? ' (stored run)' : ''}.
          </p>
          <Show
            when={answer()}
            fallback={
              <Empty title="This stored run predates team answers; save the scenario to refresh it." />
            }
          >
            {(a) => (
              <div class="answer-text">
                <section class="panel">
                  <h3>Why</h3>
                  <For each={whySentences(a())}>{(line) => <p>{line}</p>}</For>
                </section>
                <section class="panel">
                  <h3>What fixes it</h3>
                  <ul>
                    <For each={fixSentences(a())}>{(line) => <li>{line}</li>}</For>
                  </ul>
                </section>
              </div>
            )}
          </Show>
          <TeamCharts
            forecast={run()!.forecast}
            teamId={props.teamId}
            team={team()!.name}
            source={`${run()!.options.runs}-run server forecast`}
            events={events()}
          />
        </Match>
        <Match when={true}>
          <Loading what="the team's forecast" />
        </Match>
      </Switch>
    </section>
  );
}

/** A band of shares (1 = 100%) in percent, as the team answers state utilisation ("119% > 85%"). */
const percentBand = (band: Band): Band => {
  const percent = (values: number[]) => values.map((v) => v * 100);
  return { p10: percent(band.p10), p50: percent(band.p50), p90: percent(band.p90) };
};

function TeamCharts(props: {
  forecast: Forecast;
  teamId: string;
  team: string;
  source: string;
  /** The events of the forecast's version that change this team, marked on the time axis. */
  events: ChartEvent[] | undefined;
}) {
  const metrics = () => props.forecast.teams.find((t) => t.id === props.teamId)!.metrics;
  return (
    <div class="chart-grid">
      <For each={charts}>
        {(chart) => (
          <FanChart
            title={chart.title}
            unit={chart.unit}
            weeks={props.forecast.weeks}
            series={[
              {
                label: props.team,
                colour: chart.colour,
                band: 'percent' in chart ? percentBand(metrics()[chart.metric]) : metrics()[chart.metric],
                source: props.source,
              },
            ]}
            height={200}
            digits={chart.digits}
            events={props.events}
          />
        )}
      </For>
    </div>
  );
}

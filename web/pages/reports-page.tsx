import { For, Match, onMount, Show, Switch } from 'solid-js';
import { rowOfReport } from '../answers/answer-rows';
import { CapacityTable } from '../components/capacity-table';
import { BackgroundForecast, ForecastJobPanel } from '../components/forecast-job-panel';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { TeamAnswersTable } from '../components/team-answers-table';
import { formatDate, formatNumber } from '../format';
import { useStores } from '../stores/context';

/**
 * The model-error lines of the report's teams, one per distinct line with the teams it is said of,
 * in report order: the teams left uncalibrated share one line instead of repeating it for each.
 */
const modelErrorLines = (rows: Record<string, unknown>[]): { teams: string[]; line: string }[] => {
  const byLine = new Map<string, string[]>();
  for (const row of rows) {
    const line = String(row.modelError ?? 'Not stated (a run stored before model-error lines).');
    const teams = byLine.get(line);
    if (teams) teams.push(String(row.team));
    else byLine.set(line, [String(row.team)]);
  }
  return [...byLine].map(([line, teams]) => ({ teams, line }));
};

/** The capacity report of the plan of record: a sortable table and the API's CSV, by team or by team and week. */
export function ReportsPage() {
  const { reports, session, scenarios } = useStores();
  const [{ capacity, computing, error, csvUrl }, actions] = reports;
  onMount(() => actions.open());
  /** The org and its plan of record, for planners and admins, who may start background forecasts. */
  const jobTarget = () => {
    const slug = session[0].orgSlug();
    const plan = scenarios[0].list()?.find((scenario) => scenario.planOfRecord);
    return session[0].canEdit() && slug && plan ? { slug, id: plan.id } : null;
  };
  return (
    <section class="page">
      <div class="page-head">
        <h2>Capacity report</h2>
        <Show when={csvUrl('team')}>
          {(url) => (
            <div class="toolbar">
              <a class="button" href={url()} download="capacity-report.csv">
                CSV: one row per team
              </a>
              <a class="button" href={csvUrl('week') ?? ''} download="capacity-report-weeks.csv">
                CSV: team × week
              </a>
            </div>
          )}
        </Show>
      </div>
      <Show when={!computing() && jobTarget()}>
        {(target) => (
          <ForecastJobPanel
            slug={target().slug}
            scenarioId={target().id}
            onDone={() => void actions.reload()}
          />
        )}
      </Show>
      <Switch>
        <Match when={error()}>
          <ErrorMessage error={error()} retry={() => void actions.reload()} />
        </Match>
        <Match when={computing()}>{(job) => <BackgroundForecast job={job()} page="The report" />}</Match>
        <Match when={!capacity()}>
          <Loading what="the capacity report" />
        </Match>
        <Match when={capacity()?.rows.length === 0}>
          <Empty title="The report has no rows." />
        </Match>
        <Match when={capacity()}>
          {(report) => (
            <>
              <p class="muted">
                {report().scenario.name} version {report().scenario.version} · horizon {report().horizon}{' '}
                weeks · generated {formatDate(report().generatedAt.slice(0, 10))}
              </p>
              <Show when={report().org}>
                {(org) => (
                  <p class="org-figure" data-testid="org-peak-burnout">
                    Peak burnout (organisation, P50): <strong>{formatNumber(org().peakBurnoutP50, 1)}</strong>{' '}
                    in the week of {formatDate(org().peakBurnoutWeek)} (index 0-100; {report().runs}-run
                    server forecast, version {report().scenario.version})
                  </p>
                )}
              </Show>
              <TeamAnswersTable
                rows={report().rows.map(rowOfReport)}
                source={`P50 of the ${report().runs}-run server forecast of ${report().scenario.name}, version ${report().scenario.version}`}
                query={`?scenario=${encodeURIComponent(report().scenario.id)}&version=${report().scenario.version}`}
              />
              <h3>All report columns</h3>
              <CapacityTable rows={report().rows} />
              <h3>How wrong the model has been</h3>
              <ul class="model-error" aria-label="Model error by team">
                <For each={modelErrorLines(report().rows)}>
                  {(group) => (
                    <li>
                      <strong>
                        {group.teams.join(', ')}
                        {group.teams.length > 1 ? ` (${group.teams.length} teams)` : ''}
                      </strong>
                      : {group.line}
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}

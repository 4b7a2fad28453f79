import { For, Match, onMount, Show, Switch } from 'solid-js';
import { rowOfReport } from '../answers/answer-rows';
import { CapacityTable } from '../components/capacity-table';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { TeamAnswersTable } from '../components/team-answers-table';
import { formatDate } from '../format';
import { useStores } from '../stores/context';

/** The capacity report of the plan of record: a sortable table and the API's CSV. */
export function ReportsPage() {
  const [{ capacity, csvUrl }, actions] = useStores().reports;
  onMount(() => actions.open());
  return (
    <section class="page">
      <div class="page-head">
        <h2>Capacity report</h2>
        <Show when={csvUrl()}>
          {(url) => (
            <a class="button" href={url()} download="capacity-report.csv">
              Download CSV
            </a>
          )}
        </Show>
      </div>
      <Switch>
        <Match when={capacity.error}>
          <ErrorMessage error={capacity.error} retry={() => void actions.reload()} />
        </Match>
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
              <TeamAnswersTable
                rows={report().rows.map(rowOfReport)}
                source={`P50 of the ${report().runs}-run server forecast of ${report().scenario.name}, version ${report().scenario.version}`}
                query={`?scenario=${encodeURIComponent(report().scenario.id)}&version=${report().scenario.version}`}
              />
              <h3>All report columns</h3>
              <CapacityTable rows={report().rows} />
              <h3>How wrong the model has been</h3>
              <ul class="model-error" aria-label="Model error by team">
                <For each={report().rows}>
                  {(row) => (
                    <li>
                      <strong>{String(row.team)}</strong>:{' '}
                      {String(row.modelError ?? 'Not stated (a run stored before model-error lines).')}
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

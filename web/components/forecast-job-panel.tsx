import { createSignal, onCleanup, Show } from 'solid-js';
import type { ForecastJob } from '../../shared/contract/forecast-job';
import { api } from '../api/client';
import { ErrorMessage } from './states';

/** How often a running job's progress is read (ms): a 10,000-team job moves one of 40 slices every few seconds. */
export const POLL_MS = 2_000;

const statusLine = (job: ForecastJob): string => {
  if (job.status === 'queued') return 'Queued: the server starts it when a forecast worker is free.';
  if (job.status === 'running')
    return job.total > 0
      ? `Running: ${job.done} of ${job.total} slices done.`
      : 'Running: planning the slices.';
  if (job.status === 'done') return 'Done: the report reads the stored run.';
  return `Failed: ${String(job.error?.detail ?? 'the forecast failed')}`;
};

/** A background forecast's progress: a bar of slices done and its status in words. */
export function ForecastJobProgress(props: { job: ForecastJob }) {
  return (
    <span class="run-progress">
      <progress
        aria-label="Background forecast"
        max={Math.max(props.job.total, 1)}
        value={props.job.status === 'done' ? Math.max(props.job.total, 1) : props.job.done}
      />
      <span role="status">{statusLine(props.job)}</span>
    </span>
  );
}

/**
 * What a page shows while the server computes the plan of record's forecast in the background (a
 * large org's run not stored yet): why, and the job's progress; `page` names what shows it once stored.
 */
export function BackgroundForecast(props: { job: ForecastJob; page: string }) {
  return (
    <div class="state state-loading" data-testid="background-forecast">
      <p>
        The server is computing the plan of record's forecast in the background: this org is too large to
        compute it while the page waits. {props.page} shows it once it is stored.
      </p>
      <ForecastJobProgress job={props.job} />
    </div>
  );
}

/**
 * Runs the default forecast of a scenario as a background job (large orgs, whose forecast takes
 * longer than a request may wait) and shows its progress in slices, read over the API every
 * {@link POLL_MS}; `onDone` once the run is stored (e.g. the report reloads and reads it).
 */
export function ForecastJobPanel(props: { slug: string; scenarioId: string; onDone: () => void }) {
  const [job, setJob] = createSignal<ForecastJob | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const follow = (next: ForecastJob) => {
    setJob(next);
    if (next.status === 'done') props.onDone();
    else if (next.status !== 'failed') timer = setTimeout(() => void read(next.id), POLL_MS);
  };
  const read = (id: string) => api.forecastJob(props.slug, id).then(follow, setError);
  const start = () => {
    setError(null);
    void api.startForecastJob(props.slug, props.scenarioId).then(follow, setError);
  };
  const busy = () => job()?.status === 'queued' || job()?.status === 'running';
  return (
    <div class="forecast-job">
      <button type="button" disabled={busy()} onClick={start}>
        Run the forecast in the background
      </button>
      <Show when={job()}>{(current) => <ForecastJobProgress job={current()} />}</Show>
      <Show when={error()}>{(problem) => <ErrorMessage error={problem()} retry={start} />}</Show>
    </div>
  );
}

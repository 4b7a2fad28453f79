import { type Accessor, createEffect, createResource, createSignal, onCleanup, untrack } from 'solid-js';
import type { ForecastJob } from '../../shared/contract/forecast-job';
import { ApiError } from '../api/api-error';
import { api } from '../api/client';
import { POLL_MS } from '../components/forecast-job-panel';

/** A failed job's problem as the error the page shows. */
const jobProblem = (job: ForecastJob): ApiError => {
  const { status, title, detail } = (job.error ?? {}) as { status?: number; title?: string; detail?: string };
  return new ApiError(status ?? 500, title ?? 'Internal Server Error', detail ?? 'The forecast failed.');
};

/**
 * A report the server reads from a stored run, fetched when `source` gives its org (`slug`) and
 * arguments. While a large org's run is not stored the server answers with the background job
 * computing it (202): its progress is read every {@link POLL_MS} (`computing`), and the report is
 * asked for again once the job is done; a failed job is the answer's error.
 */
export function createDeferredAnswer<S extends { slug: string }, T>(
  source: Accessor<S | null>,
  fetcher: (source: S) => Promise<T | ForecastJob>,
  isAnswer: (body: T | ForecastJob) => body is T,
) {
  const [answer, { refetch }] = createResource(source, fetcher);
  const [job, setJob] = createSignal<ForecastJob | null>(null);
  const [jobError, setJobError] = createSignal<unknown>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  /** Follows a background job computing the run: its progress every POLL_MS, then the answer once stored. */
  const follow = (slug: string, next: ForecastJob) => {
    setJob(next.status === 'failed' ? null : next);
    if (next.status === 'done') void refetch();
    else if (next.status === 'failed') setJobError(jobProblem(next));
    else
      timer = setTimeout(
        () => void api.forecastJob(slug, next.id).then((j) => follow(slug, j), setJobError),
        POLL_MS,
      );
  };
  createEffect(() => {
    const body = answer.error ? undefined : answer();
    const slug = untrack(source)?.slug;
    clearTimeout(timer);
    setJobError(null);
    if (body !== undefined && !isAnswer(body) && slug) follow(slug, body);
    else setJob(null);
  });
  return {
    /** The report once the server answered with it. */
    loaded: (): T | undefined => {
      const body = answer.error ? undefined : answer();
      return body !== undefined && isAnswer(body) ? body : undefined;
    },
    /** The background job computing the run while it is not stored (an org too large to compute it within a request). */
    computing: job,
    error: (): unknown => answer.error ?? jobError(),
    /** Asks again (the answer is kept on screen meanwhile). */
    refetch: () => void refetch(),
  };
}

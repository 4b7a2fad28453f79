import type { Forecast } from '../../shared';
import { engineInput } from '../scenario/editor-input';
import { createForecastRunner } from '../workers/engine-client';
import { createStoredForecast, type StoredForecast, type StoredSources } from './stored-forecast';

/** Monte Carlo runs of the browser preview shown while a stored forecast computes (or to viewers). */
export const PREVIEW_RUNS = 100;

/** The stored forecast's answers and sources, with what is shown while it computes (see StoredForecast). */
export interface ComparedForecast extends Omit<StoredForecast, 'run'> {
  forecast: () => Forecast | undefined;
  /** Whether `forecast` is the stored server forecast (not the browser preview). */
  stored: () => boolean;
  /** Bands are in: the stored forecast, or the preview's Monte Carlo bands. */
  settled: () => boolean;
  /** Preview Monte Carlo progress 0-1, 1 once settled. */
  progress: () => number;
  /** The forecast is the preview's mean path: no Monte Carlo bands in yet. */
  meanPath: () => boolean;
}

/**
 * A compared scenario version's forecast as the Dashboard shows it: the stored server forecast
 * (the same request, so the same run and figures) for planners and admins; until it is in, and
 * for viewers (whom the API does not let start runs), a labelled live preview in a worker of its
 * own, stopped once the stored forecast arrives.
 */
export function createComparedForecast(sources: StoredSources): ComparedForecast {
  const stored = createStoredForecast(sources);
  const preview = createForecastRunner(
    () => (stored.run() ? null : engineInput(sources.model, sources.version.scenario, sources.startWeek)),
    { runs: PREVIEW_RUNS, settleMs: 0, ownWorker: true },
  );
  const isStored = () => stored.run() !== undefined;
  return {
    forecast: () => stored.run()?.forecast ?? preview.forecast(),
    stored: isStored,
    settled: () => isStored() || preview.settled(),
    progress: () => (isStored() || preview.settled() ? 1 : (preview.progress() ?? 0)),
    meanPath: () => !isStored() && !preview.settled() && preview.partialRuns() === null,
    reviewersNeeded: () => (isStored() ? stored.reviewersNeeded() : preview.reviewersNeeded()),
    answers: () => (isStored() ? stored.answers() : preview.answers()),
    answersPending: () => (isStored() ? stored.answersPending() : 'Team answers follow the bands…'),
    answersNote: stored.answersNote,
    issues: () => [...stored.issues(), ...preview.issues()],
    source: () =>
      isStored()
        ? stored.source()
        : `${PREVIEW_RUNS}-run live preview in this browser${sources.serverOrg ? ' (stored forecast computing)' : ''}`,
  };
}

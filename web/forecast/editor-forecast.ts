import { type Accessor, createMemo } from 'solid-js';
import type { FieldIssue, Forecast, ForecastInputRaw, TeamAnswer } from '../../shared';
import { createForecastRunner, type ForecastRunner } from '../workers/engine-client';
import { type FiguresSource, previewFiguresSource, storedFiguresSource } from './figures-source';
import { createStoredForecast, type StoredSources } from './stored-forecast';

export interface EditorForecast extends ForecastRunner {
  /** Whether `forecast` is the saved version's stored server forecast (not the live preview). */
  stored: Accessor<boolean>;
  /** What the headline figures are read on and where they come from: "P50, 500-run server forecast of version 3" or "Live preview: ...". */
  figuresSource: Accessor<FiguresSource>;
  /** Where the team answers come from, for the line above their table. */
  answersSource: Accessor<string>;
}

/**
 * The editor's forecast: on a saved version left as saved, its stored server forecast (the run the
 * Dashboard, Compare and Reports show, so the same figures), with the live preview in the browser
 * only until that is in (or for viewers, whom the API does not let start runs); after an edit,
 * the live preview of what is on screen (mean path at once, Monte Carlo bands when it settles),
 * labelled as such. Undoing back to the saved version shows the stored forecast again.
 */
export function createEditorForecast(sources: {
  /** The engine input of what is on screen. */
  input: Accessor<ForecastInputRaw>;
  /** The saved version the editor opened, or null for a new scenario. */
  saved: StoredSources | null;
  /** Whether what is on screen is the saved version as saved. */
  atSaved: Accessor<boolean>;
  runs: number;
  settleMs: number;
}): EditorForecast {
  const stored = sources.saved ? createStoredForecast(sources.saved) : null;
  const shown = createMemo(() => (sources.atSaved() ? stored?.run() : undefined));
  const live = createForecastRunner(
    createMemo(() => (shown() ? null : sources.input())),
    { runs: sources.runs, settleMs: sources.settleMs },
  );
  const why = () => {
    if (!sources.saved) return 'new scenario, not saved yet';
    if (!sources.atSaved()) return 'unsaved changes';
    return sources.saved?.serverOrg ? 'stored forecast computing' : '';
  };
  const liveSource = () =>
    `P50 of this editor's ${sources.runs}-run live preview in the browser${sources.saved ? '; team pages show the saved version' : '; team pages show the plan of record'}`;
  return {
    ...live,
    stored: () => shown() !== undefined,
    forecast: (): Forecast | undefined => shown()?.forecast ?? live.forecast(),
    settled: () => shown() !== undefined || live.settled(),
    partialRuns: () => (shown() ? null : live.partialRuns()),
    progress: () => (shown() ? null : live.progress()),
    issues: (): FieldIssue[] => [...(sources.atSaved() ? (stored?.issues() ?? []) : []), ...live.issues()],
    reviewersNeeded: () => (shown() ? (stored?.reviewersNeeded() ?? null) : live.reviewersNeeded()),
    answers: (): TeamAnswer[] | null => (shown() ? (stored?.answers() ?? null) : live.answers()),
    figuresSource: () => {
      const run = shown();
      return run ? storedFiguresSource(run) : previewFiguresSource(sources.runs, live, why());
    },
    answersSource: () => {
      const run = shown();
      return run && stored
        ? `P50 of the ${run.options.runs}-run server forecast of version ${run.version}${stored.answersNote()}`
        : liveSource();
    },
  };
}

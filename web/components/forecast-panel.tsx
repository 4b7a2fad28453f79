import { For, lazy, Show, Suspense } from 'solid-js';
import type { Forecast } from '../../shared';
import { rowOfAnswer } from '../answers/answer-rows';
import type { ChartEvent } from '../charts/chart-events';
import type { ForecastRunner } from '../workers/engine-client';
import { HeadlineFigures } from './headline-figures';
import { Loading } from './states';
import { TeamAnswersTable } from './team-answers-table';

const ForecastCharts = lazy(() =>
  import('../charts/forecast-charts').then((module) => ({ default: module.ForecastCharts })),
);

interface ForecastPanelProps {
  runner: ForecastRunner;
  baseline: Forecast | undefined;
  baselineLabel: string;
  label: string;
  reviewersNeeded: number | null;
  runs: number;
  /** The scenario's events, marked on the charts' time axis. */
  events: ChartEvent[];
  /** `?scenario=&version=` of the saved version, for the team drill-down links. */
  teamQuery?: string | undefined;
}

/** The editor's live forecast: status of the Monte Carlo bands, headline figures and charts. */
export function ForecastPanel(props: ForecastPanelProps) {
  return (
    <section class="editor-forecast" aria-label="Forecast">
      <div class="run-status" aria-live="polite">
        <Show
          when={props.runner.progress() !== null}
          fallback={
            <span>
              {props.runner.settled()
                ? `P10-P90 bands from ${props.runs} Monte Carlo runs`
                : 'Mean path (bands follow when the input settles)'}
            </span>
          }
        >
          <label for="mc-progress">Monte Carlo bands</label>
          <progress id="mc-progress" max={1} value={props.runner.progress() ?? 0} />
          <span>{Math.round((props.runner.progress() ?? 0) * 100)}%</span>
          <Show when={props.runner.partialRuns()}>
            {(runs) => (
              <span>
                {' '}
                · bands from the first {runs()} of {props.runs} runs, refining
              </span>
            )}
          </Show>
        </Show>
        <span class="muted"> · dashed: {props.baselineLabel}</span>
      </div>
      <Show when={props.runner.issues().length > 0}>
        <div class="state state-error" role="alert">
          <strong>The engine rejected this scenario:</strong>
          <ul class="problems">
            <For each={props.runner.issues()}>
              {(issue) => (
                <li>
                  <code>{issue.path}</code> {issue.message}
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
      <Show when={props.runner.forecast()} fallback={<Loading what="the forecast" />}>
        {(forecast) => (
          <>
            <HeadlineFigures forecast={forecast()} reviewersNeeded={props.reviewersNeeded} />
            <Suspense fallback={<Loading what="charts" />}>
              <ForecastCharts
                forecast={forecast()}
                baseline={props.baseline}
                baselineLabel={props.baselineLabel}
                label={props.label}
                events={props.events}
                measured
              />
            </Suspense>
            <Show when={props.runner.answers()}>
              {(answers) => (
                <TeamAnswersTable
                  rows={answers().map(rowOfAnswer)}
                  source={`P50 of this editor's ${props.runs}-run live preview in the browser${props.teamQuery ? '; team pages show the saved version' : '; team pages show the plan of record'}`}
                  query={props.teamQuery}
                />
              )}
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

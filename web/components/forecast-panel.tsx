import { For, lazy, Match, Show, Suspense, Switch } from 'solid-js';
import type { Forecast } from '../../shared';
import { rowOfAnswer } from '../answers/answer-rows';
import type { ChartEvent } from '../charts/chart-events';
import type { EditorForecast } from '../forecast/editor-forecast';
import { HeadlineFigures } from './headline-figures';
import { Loading } from './states';
import { TeamAnswersTable } from './team-answers-table';

const ForecastCharts = lazy(() =>
  import('../charts/forecast-charts').then((module) => ({ default: module.ForecastCharts })),
);

interface ForecastPanelProps {
  runner: EditorForecast;
  baseline: Forecast | undefined;
  baselineLabel: string;
  label: string;
  runs: number;
  /** The scenario's events, marked on the charts' time axis. */
  events: ChartEvent[];
  /** `?scenario=&version=` of the saved version, for the team drill-down links. */
  teamQuery?: string | undefined;
}

/**
 * The editor's forecast (the saved version's stored server forecast, or the live preview): what
 * it is and the status of its Monte Carlo bands, headline figures, charts and team answers.
 */
export function ForecastPanel(props: ForecastPanelProps) {
  /** Runs computed so far: what the bar shows, in the same number the text says. */
  const runsDone = () => Math.round((props.runner.progress() ?? 0) * props.runs);
  /** What the charts show while the runs compute; never more runs than are done. */
  const bandsShown = () => {
    const partial = props.runner.partialRuns();
    if (partial === null) return 'charts: mean path until the first bands';
    return runsDone() >= props.runs
      ? `charts: bands from the first ${partial} of ${props.runs} runs, merging all ${props.runs}`
      : `charts: bands from the first ${partial} of ${props.runs} runs, refining`;
  };
  return (
    <section class="editor-forecast" aria-label="Forecast">
      <div class="run-status" aria-live="polite">
        <Switch
          fallback={
            <span>
              {props.runner.settled()
                ? `P10-P90 bands from ${props.runs} Monte Carlo runs`
                : 'Mean path (bands follow when the input settles)'}
            </span>
          }
        >
          <Match when={props.runner.stored()}>
            <span>P10-P90 bands of the stored server forecast</span>
          </Match>
          <Match when={props.runner.progress() !== null}>
            <span class="run-progress">
              <label for="mc-progress">Monte Carlo runs</label>
              <progress id="mc-progress" max={props.runs} value={runsDone()} />
              <span data-testid="runs-done">
                {runsDone()} of {props.runs} done
              </span>
            </span>
            <span data-testid="bands-shown">{bandsShown()}</span>
          </Match>
        </Switch>
        <span class="muted">dashed: {props.baselineLabel}</span>
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
            <HeadlineFigures
              forecast={forecast()}
              reviewersNeeded={props.runner.reviewersNeeded()}
              source={props.runner.figuresSource()}
            />
            <Suspense fallback={<Loading what="charts" />}>
              <ForecastCharts
                forecast={forecast()}
                baseline={props.baseline}
                baselineLabel={props.baselineLabel}
                label={props.label}
                events={props.events}
                reading={props.runner.figuresSource().reading}
                source={props.runner.figuresSource().run}
                measured
              />
            </Suspense>
            <Show when={props.runner.answers()}>
              {(answers) => (
                <TeamAnswersTable
                  rows={answers().map(rowOfAnswer)}
                  source={props.runner.answersSource()}
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

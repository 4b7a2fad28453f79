import { createMemo, For, mapArray, Show } from 'solid-js';
import type { BandedMetricKey } from '../../shared';
import type { OrgModel, ScenarioVersion } from '../api/types';
import { chartEventsOf } from '../charts/chart-events';
import { FanChart } from '../charts/fan-chart';
import { seriesColours } from '../charts/palette';
import { currentMonday, engineInput } from '../scenario/editor-input';
import { createForecastRunner } from '../workers/engine-client';
import { CompareAnswers } from './compare-answers';
import { type ComparedScenario, CompareTable } from './compare-table';
import { Loading } from './states';

/** The org metrics the comparison overlays, with their units. */
const overlays: { title: string; unit: string; metric: BandedMetricKey; digits: number }[] = [
  { title: 'Org sign-off backlog', unit: 'changes waiting', metric: 'backlog', digits: 0 },
  { title: 'Org burnout risk', unit: 'index 0-100', metric: 'burnoutRisk', digits: 0 },
  { title: 'Severity-2 incidents per week', unit: 'incidents / week', metric: 'sev2Incidents', digits: 1 },
  { title: 'Sign-off reviewers', unit: 'reviewers', metric: 'reviewers', digits: 0 },
];

/** A compared version's name in legends and the table: `Name v3`. */
const label = (version: ScenarioVersion | undefined) =>
  version ? `${version.scenario.name} v${version.version}` : '';

/** Runs each chosen scenario in a worker of its own (side by side) and overlays them: backlog, incidents, burnout; then the table. */
export function CompareView(props: { model: OrgModel; versions: ScenarioVersion[]; timeZone: string }) {
  const startWeek = currentMonday(props.timeZone);
  const runs = createMemo(
    mapArray(
      () => props.versions,
      (version) =>
        createForecastRunner(() => engineInput(props.model, version.scenario, startWeek), {
          runs: 100,
          settleMs: 0,
          ownWorker: true,
        }),
    ),
  );
  const compared = createMemo((): ComparedScenario[] | null => {
    const list: ComparedScenario[] = [];
    for (const [i, runner] of runs().entries()) {
      const forecast = runner.forecast();
      if (!forecast) return null;
      list.push({
        name: label(props.versions[i]),
        colour: seriesColours[i % seriesColours.length]!,
        forecast,
        reviewersNeeded: runner.reviewersNeeded(),
      });
    }
    return list;
  });
  const progress = () => {
    const parts = runs().map((runner) => (runner.settled() ? 1 : (runner.progress() ?? 0)));
    return parts.reduce((a, b) => a + b, 0) / Math.max(1, parts.length);
  };
  const chart = (pick: (s: ComparedScenario) => ComparedScenario['forecast']['org']['metrics']['backlog']) =>
    (compared() ?? []).map((s) => ({ label: s.name, colour: s.colour, band: pick(s) }));
  const names = () => new Map(props.model.org.teams.map((team) => [team.id, team.name]));
  /** Every compared version's events, named after the version, in date order. */
  const events = createMemo(() =>
    props.versions
      .flatMap((version) =>
        chartEventsOf(version.scenario.events ?? [], names()).map((event) => ({
          ...event,
          label: `${label(version)}: ${event.label}`,
        })),
      )
      .sort((a, b) => a.date.localeCompare(b.date)),
  );
  const problems = () =>
    runs().flatMap((runner, i) =>
      runner.issues().map((issue) => `${label(props.versions[i])}: ${issue.path} ${issue.message}`),
    );
  return (
    <>
      <Show when={problems().length > 0}>
        <div class="state state-error" role="alert">
          <strong>The engine could not run every scenario:</strong>
          <ul class="problems">
            <For each={problems()}>{(problem) => <li>{problem}</li>}</For>
          </ul>
        </div>
      </Show>
      <Show when={compared()} fallback={<Loading what="the forecasts" />}>
        {(list) => (
          <div class="compare">
            <p class="run-status" aria-live="polite">
              {progress() < 1
                ? `Monte Carlo bands: ${Math.round(progress() * 100)}%`
                : 'P10-P90 bands from 100 Monte Carlo runs each'}
            </p>
            <CompareTable scenarios={list()} />
            <CompareAnswers versions={props.versions} answers={runs().map((runner) => runner.answers())} />
            <div class="compare-charts">
              <For each={overlays}>
                {(overlay) => (
                  <FanChart
                    title={overlay.title}
                    unit={overlay.unit}
                    weeks={list()[0]!.forecast.weeks}
                    series={chart((s) => s.forecast.org.metrics[overlay.metric])}
                    height={220}
                    digits={overlay.digits}
                    events={events()}
                    hatched
                  />
                )}
              </For>
            </div>
          </div>
        )}
      </Show>
    </>
  );
}

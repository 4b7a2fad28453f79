import { createMemo, mapArray, Show } from 'solid-js';
import type { OrgModel, ScenarioVersion } from '../api/types';
import { FanChart } from '../charts/fan-chart';
import { seriesColours } from '../charts/palette';
import { todayIso } from '../format';
import { currentMonday, engineInput } from '../scenario/editor-input';
import { createForecastRunner } from '../workers/engine-client';
import { type ComparedScenario, CompareTable } from './compare-table';
import { Loading } from './states';

/** Runs each chosen scenario in the worker and overlays them: backlog, incidents, burnout; then the table. */
export function CompareView(props: { model: OrgModel; versions: ScenarioVersion[] }) {
  const startWeek = currentMonday(todayIso());
  const runs = createMemo(
    mapArray(
      () => props.versions,
      (version) =>
        createForecastRunner(() => engineInput(props.model, version.scenario, startWeek), {
          runs: 100,
          settleMs: 0,
        }),
    ),
  );
  const compared = createMemo((): ComparedScenario[] | null => {
    const list: ComparedScenario[] = [];
    for (const [i, runner] of runs().entries()) {
      const forecast = runner.forecast();
      if (!forecast) return null;
      list.push({
        name: props.versions[i]?.scenario.name ?? '',
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
  return (
    <Show when={compared()} fallback={<Loading what="the forecasts" />}>
      {(list) => (
        <div class="compare">
          <p class="run-status" aria-live="polite">
            {progress() < 1
              ? `Monte Carlo bands: ${Math.round(progress() * 100)}%`
              : 'P10-P90 bands from 100 Monte Carlo runs each'}
          </p>
          <CompareTable scenarios={list()} />
          <div class="compare-charts">
            <FanChart
              title="Org sign-off backlog"
              unit="changes waiting"
              weeks={list()[0]!.forecast.weeks}
              series={chart((s) => s.forecast.org.metrics.backlog)}
              height={220}
            />
            <FanChart
              title="Org burnout risk"
              unit="index 0-100"
              weeks={list()[0]!.forecast.weeks}
              series={chart((s) => s.forecast.org.metrics.burnoutRisk)}
              height={220}
              digits={0}
            />
            <FanChart
              title="Severity-2 incidents per week"
              unit="incidents / week"
              weeks={list()[0]!.forecast.weeks}
              series={chart((s) => s.forecast.org.metrics.sev2Incidents)}
              height={220}
              digits={1}
            />
            <FanChart
              title="Sign-off reviewers"
              unit="reviewers"
              weeks={list()[0]!.forecast.weeks}
              series={chart((s) => s.forecast.org.metrics.reviewers)}
              height={220}
            />
          </div>
        </div>
      )}
    </Show>
  );
}

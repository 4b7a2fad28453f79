import { createMemo, For, mapArray, Show } from 'solid-js';
import type { BandedMetricKey } from '../../shared';
import type { OrgModel, ScenarioVersion } from '../api/types';
import { chartEventsOf } from '../charts/chart-events';
import { FanChart } from '../charts/fan-chart';
import { seriesColours } from '../charts/palette';
import { createComparedForecast, PREVIEW_RUNS } from '../forecast/compared-forecast';
import { currentMonday } from '../scenario/editor-input';
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

/**
 * Overlays the chosen scenario versions' forecasts (backlog, incidents, burnout, reviewers) after
 * a table of key differences: each version's stored server forecast, as on the Dashboard, with a
 * labelled live preview (a worker of its own per version) while it computes or for viewers.
 */
export function CompareView(props: {
  model: OrgModel;
  versions: ScenarioVersion[];
  timeZone: string;
  /** The org, when the caller may run forecasts on the server; null for viewers. */
  serverOrg: string | null;
}) {
  const startWeek = currentMonday(props.timeZone);
  const runs = createMemo(
    mapArray(
      () => props.versions,
      (version) =>
        createComparedForecast({ model: props.model, version, startWeek, serverOrg: props.serverOrg }),
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
        source: runner.source(),
        meanPath: runner.meanPath(),
      });
    }
    return list;
  });
  const progress = () =>
    runs().reduce((sum, runner) => sum + runner.progress(), 0) / Math.max(1, runs().length);
  const allStored = () => runs().every((runner) => runner.stored());
  const status = () => {
    if (allStored())
      return `P10-P90 bands from each version's stored ${runs()[0]?.source() ?? ''} (as on the Dashboard)`;
    const waiting = runs().filter((runner) => !runner.stored()).length;
    const preview =
      progress() < 1
        ? `Live preview in this browser: Monte Carlo bands ${Math.round(progress() * 100)}%`
        : `Live preview in this browser: P10-P90 bands from ${PREVIEW_RUNS} Monte Carlo runs`;
    return props.serverOrg
      ? `${preview}; ${waiting} of ${runs().length} stored forecasts still computing`
      : `${preview} each (viewers see previews; planners see the stored forecasts)`;
  };
  const chart = (pick: (s: ComparedScenario) => ComparedScenario['forecast']['org']['metrics']['backlog']) =>
    (compared() ?? []).map((s) => ({
      label: s.name,
      colour: s.colour,
      band: pick(s),
      source: s.source,
      meanPath: s.meanPath,
    }));
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
            <p class="run-status" aria-live="polite" data-testid="compare-source">
              {status()}
            </p>
            <CompareTable scenarios={list()} />
            <CompareAnswers
              versions={props.versions}
              answers={runs().map((runner) => runner.answers())}
              sources={runs().map((runner) => `${runner.source()}${runner.answersNote()}`)}
              pending={runs().map((runner) => runner.answersPending())}
            />
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

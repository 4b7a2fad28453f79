import { createSignal, For, Show } from 'solid-js';
import type { BacktestFan, Calibration } from '../../shared/contract/calibration';
import { calibrateTeam } from '../api/calibration-client';
import { FanChart } from '../charts/fan-chart';
import { okabeIto } from '../charts/palette';
import { AcceptCalibration } from '../components/accept-calibration';
import { ErrorMessage, Loading } from '../components/states';
import { formatDate, formatNumber } from '../format';
import { useStores } from '../stores/context';

const metricLabels: Record<string, string> = {
  signoffDemand: 'Sign-off demand',
  signoffsCompleted: 'Sign-offs completed',
  open: 'Open at week end',
  medianHoursToSignoff: 'Median hours to sign-off',
};

const percent = (v: number | null) => (v === null ? '–' : `${formatNumber(v * 100, 1)}%`);

function Fans(props: { calibration: Calibration }) {
  const all = () => props.calibration.backtest.fans ?? [];
  const [chosen, setChosen] = createSignal<string | null>(null);
  const fan = () =>
    all().find((f) => f.origin === chosen()) ?? props.calibration.backtest.fan ?? all().at(-1) ?? null;
  return (
    <Show when={fan()} fallback={<p class="muted">Not enough history for a backtest yet.</p>}>
      <Show when={all().length > 1}>
        <label>
          Backtest origin
          <select value={fan()?.origin ?? ''} onChange={(e) => setChosen(e.currentTarget.value)}>
            <For each={all()}>{(f) => <option value={f.origin}>{formatDate(f.origin)}</option>}</For>
          </select>
        </label>
      </Show>
      <Show when={fan()} keyed>
        {(f) => <FanCharts fan={f} />}
      </Show>
    </Show>
  );
}

/** One origin's fans of sign-off demand and open changes against the actuals. */
function FanCharts(props: { fan: BacktestFan }) {
  const f = () => props.fan;
  return (
    <For each={['signoffDemand', 'open']}>
      {(metric) => {
        const m = () => f().metrics[metric]!;
        return (
          <FanChart
            title={`${metricLabels[metric]}: forecast from ${formatDate(f().origin)} against what happened`}
            unit="changes"
            weeks={f().weeks}
            height={220}
            series={[
              {
                label: 'Forecast',
                colour: okabeIto.blue,
                band: { p10: m().p10, p50: m().mean, p90: m().p90 },
              },
              {
                label: 'Actual',
                colour: okabeIto.vermillion,
                faint: true,
                band: { p10: [], p50: m().actual.map((v) => v ?? Number.NaN), p90: [] },
              },
            ]}
          />
        );
      }}
    </For>
  );
}

function Errors(props: { calibration: Calibration }) {
  return (
    <section class="table-wide" tabindex="0" aria-label="Backtest error table">
      <table aria-label="Backtest error by horizon">
        <thead>
          <tr>
            <th>Metric</th>
            <th>Weeks ahead</th>
            <th>MAPE</th>
            <th>MASE</th>
            <th>In P10-P90</th>
          </tr>
        </thead>
        <tbody>
          <For each={Object.entries(props.calibration.backtest.metrics)}>
            {([metric, score]) => (
              <For each={Object.entries(score.byHorizon)}>
                {([h, s]) => (
                  <tr>
                    <td>{metricLabels[metric] ?? metric}</td>
                    <td class="num">{h}</td>
                    <td class="num">
                      {percent(s.mape)}
                      {s.mapeKind === 'smape' ? ' (sMAPE)' : ''}
                    </td>
                    <td class="num">{s.mase === null ? '–' : formatNumber(s.mase, 2)}</td>
                    <td class="num">{percent(s.coverage)}</td>
                  </tr>
                )}
              </For>
            )}
          </For>
        </tbody>
      </table>
    </section>
  );
}

function Fitted(props: { calibration: Calibration }) {
  return (
    <>
      <section class="table-wide" tabindex="0" aria-label="Fitted values table">
        <table aria-label="Fitted values">
          <thead>
            <tr>
              <th>Value</th>
              <th>Fitted</th>
              <th>Range (5-95%)</th>
            </tr>
          </thead>
          <tbody>
            <For each={Object.entries(props.calibration.fitted)}>
              {([name, f]) => (
                <tr>
                  <td>{name}</td>
                  <td class="num">{formatNumber(f.value, 3)}</td>
                  <td class="num">
                    {formatNumber(f.low, 3)} – {formatNumber(f.high, 3)}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
      <p class="muted">
        <Show when={props.calibration.fitWeeks}>
          {(weeks) => <>Fitted over the last {weeks()} weeks of the history. </>}
        </Show>
        Capacity is fitted to the time to sign-off: humanReviewHours is the review time per change at which
        the model keeps a change open the observed meanHoursToSignoff; latencyHours is the time open that the
        reviewers' queue does not explain (rework, waiting on the author). signoffsPerReviewerWeek is reported
        only: a team that is not saturated signs off what arrives.
      </p>
      <p class="muted">
        Accepting sets this team's changesPerWeek per level (the forecast's runs draw each from its range),
        baselineAiAdoption, ordinaryReviewShare, humanReviewHours, activeReviewerShare (the share of
        sign-off-level people who signed anything: the forecast counts that share of them as reviewers) and
        arrivalDispersion (how bursty weekly sign-off demand is: the forecast's weeks vary as much and its
        queue waits for the bursts).
      </p>
      <p class="muted">Left at the org defaults: {props.calibration.defaults.join(', ')}.</p>
    </>
  );
}

/** Calibration: fit a team's model to its history and show how wrong it has been (backtest). */
export function CalibrationPage() {
  const { session } = useStores();
  const [team, setTeam] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<unknown>(null);
  const [result, setResult] = createSignal<Calibration | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await calibrateTeam(session[0].orgSlug() ?? '', team().trim() || null));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="page">
      <h2>Calibration</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <label>
          Team (empty: the whole org)
          <input value={team()} onInput={(e) => setTeam(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={busy() || !session[0].canEdit()}>
          Calibrate
        </button>
      </form>
      <Show when={busy()}>
        <Loading what="fit and backtest" />
      </Show>
      <Show when={error()}>
        <ErrorMessage error={error()} />
      </Show>
      <Show when={result()}>
        {(c) => (
          <>
            <p>
              {c().team ?? 'Whole org'}: {c().provenance.changes} changes
              {c().provenance.from
                ? `, ${formatDate(c().provenance.from!)} to ${formatDate(c().provenance.to!)}`
                : ''}
              {c().provenance.partialWeek
                ? ` (the week of ${formatDate(c().provenance.partialWeek!)} left out: the history ends inside it)`
                : ''}
              ; backtest over {c().backtest.origins} origins, {c().backtest.horizonWeeks} weeks ahead.
            </p>
            <h3>Accept into a scenario</h3>
            <AcceptCalibration calibration={c()} />
            <Fans calibration={c()} />
            <h3>Backtest error</h3>
            <Errors calibration={c()} />
            <h3>What was fitted</h3>
            <Fitted calibration={c()} />
          </>
        )}
      </Show>
    </section>
  );
}

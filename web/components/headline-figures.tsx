import { createMemo, For, Show } from 'solid-js';
import { breachMetrics, type Forecast } from '../../shared';
import type { FiguresSource } from '../forecast/figures-source';
import { breachLabels, type KeyFigures, keyFigures } from '../forecast/summary';
import { formatDate, formatNumber } from '../format';

/**
 * Headline figures: first breach (weeks and date), teams at risk, the organisation's peak burnout,
 * reviewers needed vs today. Each label names what it is read on (`source.reading`: P50, or the
 * mean path before any bands) and the line above them names the run ("P50, 500-run server
 * forecast of version 3").
 */
export function HeadlineFigures(props: {
  forecast: Forecast;
  reviewersNeeded: number | null;
  source: FiguresSource;
}) {
  const figures = createMemo(() => keyFigures(props.forecast));
  return (
    <HeadlineFigureCards
      figures={figures()}
      horizonWeeks={props.forecast.weeks.length}
      reviewersNeeded={props.reviewersNeeded}
      source={props.source}
    />
  );
}

/** The headline figures of {@link HeadlineFigures} from figures already computed (a large org's, by the server). */
export function HeadlineFigureCards(props: {
  figures: KeyFigures;
  horizonWeeks: number;
  reviewersNeeded: number | null;
  source: FiguresSource;
}) {
  const figures = () => props.figures;
  const reading = () => props.source.reading;
  return (
    <section class="headline" aria-label="Headline figures">
      <p class="figures-source">
        Figures: <span data-testid="figures-source">{props.source.text}</span>
      </p>
      <div class="figure" data-testid="first-breach">
        <span class="figure-label">First breach (earliest team, {reading()})</span>
        <Show when={figures().firstBreach} fallback={<span class="figure-value">None in horizon</span>}>
          {(breach) => (
            <>
              <span class="figure-value">
                {breach().week} {breach().week === 1 ? 'week' : 'weeks'}
              </span>
              <span class="figure-note">
                {formatDate(breach().date)} · {breachLabels[breach().metric]}
              </span>
            </>
          )}
        </Show>
      </div>
      <div class="figure" data-testid="teams-at-risk">
        <span class="figure-label">Teams at risk ({reading()})</span>
        <span class="figure-value">
          {formatNumber(figures().teamsAtRisk)} of {formatNumber(figures().teamCount)}
        </span>
        <span class="figure-note">breach a threshold within {props.horizonWeeks} weeks</span>
      </div>
      <div class="figure" data-testid="peak-burnout">
        <span class="figure-label">Peak burnout (organisation, {reading()})</span>
        <span class="figure-value">{formatNumber(figures().peakBurnout, 1)}</span>
        <span class="figure-note">
          index 0-100 · week of {figures().peakBurnoutWeek ? formatDate(figures().peakBurnoutWeek) : '-'}
        </span>
      </div>
      <div class="figure" data-testid="reviewers">
        <span class="figure-label">Reviewers needed vs today</span>
        <span class="figure-value">
          {props.reviewersNeeded === null ? '…' : formatNumber(props.reviewersNeeded)} vs{' '}
          {formatNumber(figures().reviewersToday)}
        </span>
        <span class="figure-note">
          sign-off reviewers to hold the service level in the mean path's peak week
        </span>
      </div>
      <div class="figure figure-wide" data-testid="org-breaches">
        <span class="figure-label">Org totals: first breach by metric ({reading()})</span>
        <ul class="breach-list">
          <For each={breachMetrics}>
            {(metric) => (
              <li>
                {breachLabels[metric]}:{' '}
                <strong>
                  {(() => {
                    const breach = figures().orgBreaches[metric];
                    return breach ? `week ${breach.week} (${formatDate(breach.date)})` : 'holds';
                  })()}
                </strong>
              </li>
            )}
          </For>
        </ul>
      </div>
    </section>
  );
}

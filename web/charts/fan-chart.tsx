import { createEffect, createMemo, createSignal, Index, on, onCleanup, onMount, Show } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Band } from '../../shared';
import { formatDate, formatNumber, tickLabel, toSeconds } from '../format';
import { measureRedraw } from '../perf';
import { cursorIndex, moveCursorByKey } from './chart-cursor';
import { type ChartEvent, eventLine, eventMarkers } from './chart-events';
import { ChartFrame } from './chart-frame';
import { weeklyTable } from './chart-table';
import { figureMonthStep, labelledMonths, sameWeeks } from './month-ticks';
import { hatchCss, hatchPattern, withAlpha } from './palette';
import { runCaption } from './run-caption';
import { valueTickLabels } from './value-ticks';

/** One line of a fan chart: its P50, and its P10-P90 band unless `faint` (drawn as a dashed reference). */
export interface FanSeries {
  label: string;
  colour: string;
  band: Band;
  faint?: boolean;
  /** The band is a mean path (Monte Carlo bands not in yet): said so in the legend, read-out and table. */
  meanPath?: boolean;
  /** The run the figures come from ("500-run server forecast", "live preview, 200 runs"), named in the read-out and table. */
  source?: string | undefined;
}

/** What a series' line is read on: its P50, or the mean path. */
const lineReading = (s: FanSeries) => (s.meanPath ? 'mean path' : 'P50');

/** "; 500-run server forecast" after a series' figures, when its source is known. */
const fromSource = (s: FanSeries) => (s.source ? `; ${s.source}` : '');

/** What a banded series' line and band are and which run they come from, for its legend entries. */
const bandWords = (s: FanSeries) =>
  s.meanPath
    ? `${s.label}: ${runCaption('mean path', s.source)} (bands follow)`
    : `${s.label}: ${runCaption('P50 line, P10-P90 band', s.source)}`;

/**
 * The chart's caption line naming what its banded series show and the runs they come from ("P50
 * and P10-P90 band of the 500-run server forecast"; several runs joined by "; "), or undefined
 * when no series names its run.
 */
const runsShown = (series: readonly FanSeries[]): string | undefined => {
  const named = series.filter((s) => !s.faint && (s.source || s.meanPath));
  const captions = named.map((s) => runCaption(s.meanPath ? 'mean path' : 'P50 and P10-P90 band', s.source));
  return captions.length > 0 ? [...new Set(captions)].join('; ') : undefined;
};

interface FanChartProps {
  /** Chart title, also the accessible name of the canvas. */
  title: string;
  /** Unit of the y axis, e.g. "changes waiting". */
  unit: string;
  /** ISO dates (Mondays) of the weeks. */
  weeks: string[];
  series: FanSeries[];
  height: number;
  /** Record a lever-to-redraw measure when this chart draws. */
  measured?: boolean;
  digits?: number;
  /** Scenario events marked on the time axis (numbered, listed under the chart). */
  events?: ChartEvent[];
  /** Hatch the bands in distinct directions (several scenarios whose bands overlap). */
  hatched?: boolean;
}

const shapeOf = (props: FanChartProps) =>
  `${props.unit}|${!!props.hatched}|${props.series.map((s) => `${s.label}:${!!s.faint}`)}`;

const toData = (props: FanChartProps, x: number[]): uPlot.AlignedData => [
  x,
  ...props.series.flatMap((s) => (s.faint ? [s.band.p50] : [s.band.p10, s.band.p90, s.band.p50])),
];

/**
 * The time axis in seconds of the weeks, kept from the last call while the weeks are the same
 * dates: each forecast brings a new weeks array, and date parsing was a visible part of a redraw.
 */
function timeAxis(): (weeks: readonly string[]) => number[] {
  let last: readonly string[] = [];
  let seconds: number[] = [];
  return (weeks) => {
    if (!sameWeeks(weeks, last)) {
      last = weeks;
      seconds = weeks.map(toSeconds);
    }
    return seconds;
  };
}

function buildOptions(props: FanChartProps, width: number, plugins: uPlot.Plugin[]): uPlot.Options {
  const series: uPlot.Series[] = [{}];
  const bands: uPlot.Band[] = [];
  let banded = 0;
  for (const s of props.series) {
    if (s.faint) {
      series.push({
        label: s.label,
        stroke: withAlpha(s.colour, 0.6),
        width: 1.5,
        dash: [6, 4],
        points: { show: false },
      });
      continue;
    }
    const edge = { stroke: withAlpha(s.colour, 0.35), width: 1, points: { show: false } };
    series.push({ label: `${s.label} P10`, ...edge }, { label: `${s.label} P90`, ...edge });
    series.push({ label: `${s.label} P50`, stroke: s.colour, width: 2, points: { show: false } });
    const index = banded++;
    bands.push({
      series: [series.length - 2, series.length - 3],
      fill: props.hatched ? (u) => hatchPattern(u.ctx, s.colour, index) : withAlpha(s.colour, 0.18),
    });
  }
  const digits = props.digits ?? 0;
  return {
    width,
    height: props.height,
    series,
    bands,
    plugins,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true } },
    axes: [
      {
        // The first week of the months the heat map labels at this width (see figureMonthStep).
        splits: (u) => {
          const x = u.data[0];
          return labelledMonths(props.weeks, figureMonthStep(props.weeks, u.width)).map((w) => x[w]!);
        },
        values: (u, splits) => {
          const span = ((u.scales.x?.max ?? 0) - (u.scales.x?.min ?? 0)) / 86_400;
          return splits.map((s) => tickLabel(s, span));
        },
      },
      { label: props.unit, size: 64, values: (_u, splits) => valueTickLabels(splits, digits) },
    ],
    hooks: props.measured ? { draw: [() => measureRedraw()] } : {},
  };
}

/** "Week of 29 Mar 2027: Plan P50 120 (P10 100 to P90 150; 500-run server forecast); Saved P50 110 changes waiting". */
function readoutAt(props: FanChartProps, index: number): string {
  const digits = props.digits ?? 0;
  const n = (values: ArrayLike<number>) => formatNumber(values[index] ?? 0, digits);
  const parts = props.series.map((s) => {
    if (s.faint || s.meanPath)
      return `${s.label} ${lineReading(s)} ${n(s.band.p50)}${s.source ? ` (${s.source})` : ''}`;
    return `${s.label} P50 ${n(s.band.p50)} (P10 ${n(s.band.p10)} to P90 ${n(s.band.p90)}${fromSource(s)})`;
  });
  return `Week of ${formatDate(props.weeks[index] ?? '')}: ${parts.join('; ')} ${props.unit}`;
}

/** Whether two uPlot data sets hold the same values. */
const sameSeries = (a: uPlot.AlignedData, b: uPlot.AlignedData) =>
  a.length === b.length &&
  a.every((series, i) => {
    const other = b[i]!;
    if (series.length !== other.length) return false;
    for (let j = 0; j < series.length; j++) if (series[j] !== other[j]) return false;
    return true;
  });

/**
 * A canvas fan chart (uPlot): P10-P90 bands and P50 lines over dated weeks, with a legend, event
 * markers, a read-out of the weekly values under the cursor (hover, or focus and arrow keys), and
 * the data table, CSV and PNG of the chart.
 */
export function FanChart(props: FanChartProps) {
  let host!: HTMLDivElement;
  let chart: uPlot | undefined;
  let shape = '';
  const [index, setIndex] = createSignal<number | null>(null);
  const plugins = [cursorIndex(setIndex), eventMarkers(() => props.events ?? [])];

  onMount(() => {
    const observer = new ResizeObserver(() =>
      chart?.setSize({ width: host.clientWidth, height: props.height }),
    );
    observer.observe(host);
    onCleanup(() => observer.disconnect());
  });

  const xOf = timeAxis();
  createEffect(() => {
    const data = toData(props, xOf(props.weeks));
    const next = shapeOf(props);
    if (chart && next === shape) {
      // Only a changed series is worth a redraw; an unchanged one is already what the canvas shows.
      if (!sameSeries(chart.data, data)) chart.setData(data);
      else if (props.measured) measureRedraw();
      return;
    }
    chart?.destroy();
    shape = next;
    chart = new uPlot(buildOptions(props, host.clientWidth || 600, plugins), data, host);
  });
  // The markers draw each event's number at its date: only a change of dates redraws them (a
  // lever move changes an event's description, not its date).
  const eventDates = createMemo(() => (props.events ?? []).map((event) => event.date).join());
  createEffect(on(eventDates, () => chart?.redraw(false), { defer: true }));
  onCleanup(() => chart?.destroy());

  const legendLine = (s: FanSeries) => (s.faint ? `${s.label} (${lineReading(s)}, dashed)` : bandWords(s));
  const readout = () => {
    const i = index();
    return i === null || i >= props.weeks.length ? '' : readoutAt(props, i);
  };
  const table = () =>
    weeklyTable(
      props.weeks,
      props.series.flatMap((s) =>
        s.faint || s.meanPath
          ? [
              {
                header: `${s.label} ${s.meanPath ? 'mean path' : 'P50'} (${props.unit}${fromSource(s)})`,
                values: s.band.p50,
              },
            ]
          : (['p10', 'p50', 'p90'] as const).map((p) => ({
              header: `${s.label} ${p.toUpperCase()} (${props.unit}${fromSource(s)})`,
              values: s.band[p],
            })),
      ),
      props.digits ?? 0,
    );

  return (
    <ChartFrame
      title={props.title}
      run={runsShown(props.series)}
      table={table}
      canvas={() => host?.querySelector('canvas') ?? undefined}
      legend={() => [
        ...props.series.map(legendLine),
        ...(props.events ?? []).map((event, i) => eventLine(event, i)),
      ]}
      readout={readout()}
    >
      <div
        ref={host}
        class="chart-plot"
        role="img"
        tabindex="0"
        aria-label={`${props.title}, ${props.unit}, by week. Arrow keys read the weekly values.`}
        onKeyDown={(event) => {
          if (chart && moveCursorByKey(chart, event.key)) event.preventDefault();
        }}
      />
      <ul class="legend" aria-label={`${props.title} legend`}>
        <Index each={props.series}>
          {(s, i) => (
            <li>
              <span
                class={s().faint ? 'swatch swatch-dashed' : 'swatch'}
                style={{
                  'border-color': s().colour,
                  background: s().faint
                    ? 'transparent'
                    : props.hatched
                      ? hatchCss(s().colour, i - props.series.slice(0, i).filter((x) => x.faint).length)
                      : withAlpha(s().colour, 0.25),
                }}
              />
              {s().faint ? `${s().label} (${lineReading(s())})` : bandWords(s())}
            </li>
          )}
        </Index>
      </ul>
      <Show when={(props.events ?? []).length > 0}>
        <ol class="chart-events" aria-label={`Events marked on ${props.title}`}>
          <Index each={props.events}>
            {(event) => (
              <li>
                <time datetime={event().date}>{formatDate(event().date)}</time>: {event().label}
              </li>
            )}
          </Index>
        </ol>
      </Show>
    </ChartFrame>
  );
}

import { createEffect, For, onCleanup, onMount } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Band } from '../../shared';
import { formatNumber, tickLabel, toSeconds } from '../format';
import { measureRedraw } from '../perf';
import { withAlpha } from './palette';

/** One line of a fan chart: its P50, and its P10-P90 band unless `faint` (drawn as a dashed reference). */
export interface FanSeries {
  label: string;
  colour: string;
  band: Band;
  faint?: boolean;
}

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
}

const shapeOf = (props: FanChartProps) =>
  `${props.unit}|${props.series.map((s) => `${s.label}:${!!s.faint}`)}`;

const toData = (props: FanChartProps): uPlot.AlignedData => [
  props.weeks.map(toSeconds),
  ...props.series.flatMap((s) => (s.faint ? [s.band.p50] : [s.band.p10, s.band.p90, s.band.p50])),
];

function buildOptions(props: FanChartProps, width: number): uPlot.Options {
  const series: uPlot.Series[] = [{}];
  const bands: uPlot.Band[] = [];
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
    bands.push({ series: [series.length - 2, series.length - 3], fill: withAlpha(s.colour, 0.18) });
  }
  const digits = props.digits ?? 0;
  return {
    width,
    height: props.height,
    series,
    bands,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true } },
    axes: [
      {
        space: 64,
        values: (u, splits) => {
          const span = ((u.scales.x?.max ?? 0) - (u.scales.x?.min ?? 0)) / 86_400;
          return splits.map((s) => tickLabel(s, span));
        },
      },
      { label: props.unit, size: 64, values: (_u, splits) => splits.map((v) => formatNumber(v, digits)) },
    ],
    hooks: props.measured ? { draw: [() => measureRedraw()] } : {},
  };
}

/** A canvas fan chart (uPlot): P10-P90 bands and P50 lines over dated weeks, with a legend. */
export function FanChart(props: FanChartProps) {
  let host!: HTMLDivElement;
  let chart: uPlot | undefined;
  let shape = '';

  onMount(() => {
    const observer = new ResizeObserver(() =>
      chart?.setSize({ width: host.clientWidth, height: props.height }),
    );
    observer.observe(host);
    onCleanup(() => observer.disconnect());
  });

  createEffect(() => {
    const data = toData(props);
    const next = shapeOf(props);
    if (chart && next === shape) {
      chart.setData(data);
      return;
    }
    chart?.destroy();
    shape = next;
    chart = new uPlot(buildOptions(props, host.clientWidth || 600), data, host);
  });
  onCleanup(() => chart?.destroy());

  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <div ref={host} role="img" aria-label={`${props.title}, ${props.unit}, by week`} />
      <ul class="legend" aria-label={`${props.title} legend`}>
        <For each={props.series}>
          {(s) => (
            <li>
              <span
                class={s.faint ? 'swatch swatch-dashed' : 'swatch'}
                style={{
                  'border-color': s.colour,
                  background: s.faint ? 'transparent' : withAlpha(s.colour, 0.25),
                }}
              />
              {s.faint ? `${s.label} (P50)` : `${s.label}: P50 line, P10-P90 band`}
            </li>
          )}
        </For>
      </ul>
    </figure>
  );
}

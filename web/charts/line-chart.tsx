import { createEffect, For, onCleanup, onMount } from 'solid-js';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { tickLabel, toSeconds } from '../format';
import { valueTickLabels } from './value-ticks';

/** One line: label, colour and a value per week (null = no value that week). */
export interface LineSeries {
  label: string;
  colour: string;
  values: (number | null)[];
}

interface LineChartProps {
  /** Chart title, also the accessible name of the canvas. */
  title: string;
  /** Unit of the y axis, e.g. "changes". */
  unit: string;
  /** ISO dates (Mondays) of the weeks. */
  weeks: string[];
  series: LineSeries[];
  height: number;
  digits?: number;
  /** Scale the y axis from 0 to this value (e.g. 100 for percentages). */
  max?: number;
}

function buildOptions(props: LineChartProps, width: number): uPlot.Options {
  return {
    width,
    height: props.height,
    series: [
      {},
      ...props.series.map((s) => ({ label: s.label, stroke: s.colour, width: 1.5, points: { show: false } })),
    ],
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, y: props.max ? { range: [0, props.max] } : {} },
    axes: [
      {
        space: 64,
        values: (u, splits) => {
          const span = ((u.scales.x?.max ?? 0) - (u.scales.x?.min ?? 0)) / 86_400;
          return splits.map((s) => tickLabel(s, span));
        },
      },
      {
        label: props.unit,
        size: 64,
        values: (_u, splits) => valueTickLabels(splits, props.digits ?? 0),
      },
    ],
  };
}

/** A canvas line chart (uPlot) of weekly values, with a legend; redraws when its data change. */
export function LineChart(props: LineChartProps) {
  let host!: HTMLDivElement;
  let chart: uPlot | undefined;
  onMount(() => {
    const observer = new ResizeObserver(() =>
      chart?.setSize({ width: host.clientWidth, height: props.height }),
    );
    observer.observe(host);
    onCleanup(() => observer.disconnect());
  });
  createEffect(() => {
    const data: uPlot.AlignedData = [props.weeks.map(toSeconds), ...props.series.map((s) => s.values)];
    chart?.destroy();
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
              <span class="swatch" style={{ 'border-color': s.colour, background: s.colour }} />
              {s.label}
            </li>
          )}
        </For>
      </ul>
    </figure>
  );
}

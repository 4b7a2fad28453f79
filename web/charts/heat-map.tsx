import { createEffect, createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { Band, Forecast } from '../../shared';
import type { FiguresReading } from '../forecast/figures-source';
import { formatDate, formatNumber, tickLabel, toSeconds } from '../format';
import { ChartFrame } from './chart-frame';
import type { ChartTable } from './chart-table';
import {
  cellAt,
  cellBox,
  type HeatCell,
  type HeatGrid,
  heatGrid,
  LABEL_WIDTH,
  moveCell,
  sameGrid,
} from './heat-map-grid';
import { figureMonthStep, HALF_LABEL, monthTicks, sameWeeks, TICK_SPACING } from './month-ticks';
import { viridisAt } from './palette';
import { runCaption } from './run-caption';

/** Viridis colour per whole risk point 0-100, computed once. */
const colours = Array.from({ length: 101 }, (_, risk) => viridisAt(risk / 100));

interface HeatRow {
  name: string;
  /** Burnout risk per week (index 0-100): P10, P50 (drawn), P90. */
  risk: Band;
  peak: number;
}

/** Teams with their burnout risk per week, highest P50 peak first. */
const byPeak = (forecast: Forecast): HeatRow[] =>
  forecast.teams
    .map((team) => ({
      name: team.name,
      risk: team.metrics.burnoutRisk,
      peak: Math.max(...team.metrics.burnoutRisk.p50),
    }))
    .sort((a, b) => b.peak - a.peak);

/**
 * Draws the P50 burnout risk (0-100) of every team (rows, sorted by peak) over the weeks (columns);
 * the week axis under them is HTML ({@link WeekAxis}).
 */
function draw(canvas: HTMLCanvasElement, teams: HeatRow[], weekDates: readonly string[], width: number) {
  const grid = heatGrid(teams.length, weekDates.length, width);
  const ratio = window.devicePixelRatio || 1;
  canvas.width = width * ratio;
  canvas.height = grid.height * ratio;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${grid.height}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.scale(ratio, ratio);
  ctx.clearRect(0, 0, width, grid.height);
  ctx.font = `${Math.min(11, grid.rowHeight - 1)}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  teams.forEach((team, row) => {
    const y = row * grid.rowHeight;
    ctx.fillStyle = '#1d2330';
    ctx.fillText(team.name, 4, y + grid.rowHeight / 2, LABEL_WIDTH - 8);
    team.risk.p50.forEach((risk, week) => {
      const box = cellBox(grid, { row, week });
      ctx.fillStyle = colours[colourIndex(risk)]!;
      ctx.fillRect(box.left, box.top, box.width, box.height);
    });
  });
}

/** What a heat map canvas shows: its layout, the team of each row and each cell's colour index (row-major). */
interface Painted {
  layout: string;
  names: string[];
  cells: Uint8Array;
}

const colourIndex = (risk: number) => Math.round(Math.min(100, Math.max(0, risk)));

/**
 * Draws the heat map, or when the layout (size, rows, weeks) is what the canvas already shows,
 * repaints only the rows whose team changed and the cells whose colour changed: a lever move
 * usually recolours a part of the 40 x 52 cells.
 */
function paint(
  canvas: HTMLCanvasElement,
  teams: HeatRow[],
  weekDates: readonly string[],
  width: number,
  before: Painted | null,
): Painted {
  const weeks = weekDates.length;
  const layout = `${width}|${window.devicePixelRatio || 1}|${teams.length}|${weeks}|${weekDates[0]}`;
  const names = teams.map((team) => team.name);
  const cells = new Uint8Array(teams.length * weeks);
  teams.forEach((team, row) => {
    for (let w = 0; w < weeks; w++) cells[row * weeks + w] = colourIndex(team.risk.p50[w] ?? 0);
  });
  const ctx = canvas.getContext('2d');
  if (!ctx || before?.layout !== layout) {
    draw(canvas, teams, weekDates, width);
    return { layout, names, cells };
  }
  const grid = heatGrid(teams.length, weeks, width);
  ctx.font = `${Math.min(11, grid.rowHeight - 1)}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  teams.forEach((team, row) => {
    const renamed = before.names[row] !== team.name;
    if (renamed) {
      const y = row * grid.rowHeight;
      ctx.clearRect(0, y, LABEL_WIDTH, grid.rowHeight);
      ctx.fillStyle = '#1d2330';
      ctx.fillText(team.name, 4, y + grid.rowHeight / 2, LABEL_WIDTH - 8);
    }
    for (let week = 0; week < weeks; week++) {
      const i = row * weeks + week;
      if (!renamed && cells[i] === before.cells[i]) continue;
      const box = cellBox(grid, { row, week });
      ctx.fillStyle = colours[cells[i]!]!;
      ctx.fillRect(box.left, box.top, box.width, box.height);
    }
  });
  return { layout, names, cells };
}

/** What the heat map's figures are: their reading and the run they come from ("500-run server forecast"). */
interface HeatSource {
  reading: FiguresReading;
  source?: string | undefined;
}

/**
 * "Checkout, week of 4 Jan 2027: burnout risk P50 62 (P10 48 to P90 75; 500-run server forecast),
 * index 0-100", or on a mean path "burnout risk mean path 62 (live preview), index 0-100".
 */
const readoutOf = (team: HeatRow, week: string, i: number, { reading, source }: HeatSource) => {
  const n = (values: ArrayLike<number>) => formatNumber(values[i] ?? 0);
  const figures =
    reading === 'mean path'
      ? `mean path ${n(team.risk.p50)}${source ? ` (${source})` : ''}`
      : `P50 ${n(team.risk.p50)} (P10 ${n(team.risk.p10)} to P90 ${n(team.risk.p90)}${source ? `; ${source}` : ''})`;
  return `${team.name}, week of ${formatDate(week)}: burnout risk ${figures}, index 0-100`;
};

/**
 * The month labels under the map: at the first week of a month, centred on it and kept inside
 * the map, ending at the last month its weeks reach; the same months as the charts' time axis at
 * the same width (figureMonthStep).
 */
function WeekAxis(props: { weeks: readonly string[]; grid: HeatGrid }) {
  const width = () => LABEL_WIDTH + props.grid.cellWidth * props.grid.weeks;
  const span = () => props.weeks.length * 7;
  const ticks = () =>
    monthTicks(
      props.weeks,
      {
        left: LABEL_WIDTH,
        cellWidth: props.grid.cellWidth,
        right: width(),
        minSpacing: TICK_SPACING,
        halfLabel: HALF_LABEL,
      },
      figureMonthStep(props.weeks, width()),
    );
  return (
    <div class="heat-axis" aria-hidden="true" style={{ width: `${width()}px` }}>
      <For each={ticks()}>
        {(tick) => (
          <span data-week={props.weeks[tick.week]} style={{ left: `${tick.at}px` }}>
            {tickLabel(toSeconds(props.weeks[tick.week]!), span())}
          </span>
        )}
      </For>
    </div>
  );
}

/**
 * Canvas heat map of teams x weeks burnout risk, with a colour scale legend and a read-out of
 * the cell under the cursor: hover, or focus the map and move with the arrow keys.
 */
export function BurnoutHeatMap(props: { forecast: Forecast } & HeatSource) {
  let host!: HTMLDivElement;
  let canvas!: HTMLCanvasElement;
  let frame = 0;
  let painted: Painted | null = null;
  const teams = createMemo(() => byPeak(props.forecast));
  /** The map's width as last measured (null before the first frame: nothing is laid out at a guessed width). */
  const [measured, setWidth] = createSignal<number | null>(null);
  const width = () => measured() ?? 800;
  const [cell, setCell] = createSignal<HeatCell | null>(null);
  /**
   * The forecast's weeks and the grid, kept while they are the same: every forecast brings a new
   * weeks array, and the month labels under the map were built again, node by node, for every
   * lever move.
   */
  const weeks = createMemo(() => props.forecast.weeks, undefined, { equals: sameWeeks });
  const grid = createMemo((): HeatGrid => heatGrid(teams().length, weeks().length, width()), undefined, {
    equals: sameGrid,
  });
  /** Draws on the next frame (only what changed), once however often the forecast changes before it. */
  const redraw = () => {
    const rows = teams();
    const dates = weeks();
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const w = host.clientWidth || 800;
      setWidth(w);
      painted = paint(canvas, rows, dates, w, painted);
    });
  };
  onMount(() => {
    const observer = new ResizeObserver(redraw);
    observer.observe(host);
    onCleanup(() => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    });
  });
  createEffect(redraw);
  const at = (): HeatCell | null => {
    const c = cell();
    return c && c.row < teams().length && c.week < props.forecast.weeks.length ? c : null;
  };
  const readout = () => {
    const c = at();
    return c ? readoutOf(teams()[c.row]!, props.forecast.weeks[c.week]!, c.week, props) : '';
  };
  const first = () => weeks()[0];
  const last = () => weeks().at(-1);
  /** Teams down (as drawn, by peak risk), weeks across; the first header names the run. */
  const table = (): ChartTable => ({
    columns: [
      props.source ? `Team (${props.source})` : 'Team',
      ...props.forecast.weeks.map((week) => `${week} ${props.reading} burnout (0-100)`),
    ],
    rows: teams().map((team) => [team.name, ...Array.from(team.risk.p50, (r) => Number(r.toFixed(1)))]),
  });
  return (
    <ChartFrame
      title={`Burnout risk by team and week (${props.reading}, index 0-100; teams sorted by peak risk)`}
      run={props.source ? runCaption(props.reading, props.source) : undefined}
      table={table}
      canvas={() => canvas}
      legend={() => ['Colour: viridis, dark 0 (rested) to yellow 100 (burnt out)']}
      readout={readout()}
    >
      <div ref={host} class="heat-map">
        <canvas
          ref={canvas}
          class="chart-plot"
          role="img"
          tabindex="0"
          aria-label={`Heat map of burnout risk for ${teams().length} teams from ${first() ? formatDate(first()!) : ''} to ${last() ? formatDate(last()!) : ''}. Arrow keys read each team's weekly values.`}
          onPointerMove={(event) => {
            const box = canvas.getBoundingClientRect();
            setCell(cellAt(grid(), event.clientX - box.left, event.clientY - box.top));
          }}
          onPointerLeave={() => setCell(null)}
          onKeyDown={(event) => {
            const next = moveCell(at(), event.key, grid());
            if (next === undefined) return;
            event.preventDefault();
            setCell(next);
          }}
        />
        <Show when={measured() !== null}>
          <WeekAxis weeks={weeks()} grid={grid()} />
        </Show>
        <Show when={at()}>
          {(c) => {
            const box = () => cellBox(grid(), c());
            return (
              <span
                class="heat-cursor"
                aria-hidden="true"
                style={{
                  left: `${box().left - 1}px`,
                  top: `${box().top - 1}px`,
                  width: `${box().width + 2}px`,
                  height: `${box().height + 2}px`,
                }}
              />
            );
          }}
        </Show>
      </div>
      <div class="scale" aria-hidden="true">
        <span>0 (rested)</span>
        <span class="scale-bar" />
        <span>100 (burnt out)</span>
      </div>
    </ChartFrame>
  );
}

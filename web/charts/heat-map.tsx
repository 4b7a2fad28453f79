import { createEffect, createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { tickLabel, toSeconds } from '../format';
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

/** Viridis colour per whole risk point 0-100, computed once. */
const colours = Array.from({ length: 101 }, (_, risk) => viridisAt(risk / 100));

/** A row of a heat map: its name (left) and the value per week drawn (index 0-100). */
export interface HeatRow {
  name: string;
  values: ArrayLike<number>;
}

/**
 * Draws each row's values (0-100) over the weeks (columns); the week axis under them is HTML
 * ({@link WeekAxis}).
 */
function draw(
  canvas: HTMLCanvasElement,
  teams: readonly HeatRow[],
  weekDates: readonly string[],
  width: number,
) {
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
    for (let week = 0; week < team.values.length; week++) {
      const box = cellBox(grid, { row, week });
      ctx.fillStyle = colours[colourIndex(team.values[week]!)]!;
      ctx.fillRect(box.left, box.top, box.width, box.height);
    }
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
  teams: readonly HeatRow[],
  weekDates: readonly string[],
  width: number,
  before: Painted | null,
): Painted {
  const weeks = weekDates.length;
  const layout = `${width}|${window.devicePixelRatio || 1}|${teams.length}|${weeks}|${weekDates[0]}`;
  const names = teams.map((team) => team.name);
  const cells = new Uint8Array(teams.length * weeks);
  teams.forEach((team, row) => {
    for (let w = 0; w < weeks; w++) cells[row * weeks + w] = colourIndex(team.values[w] ?? 0);
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

/** What a heat map shows: rows of values per week, its title, its canvas's label, its table and cursor read-out. */
export interface HeatMapProps<T extends HeatRow> {
  rows: readonly T[];
  /** ISO dates (Mondays) of the weeks (columns). */
  weeks: readonly string[];
  title: string;
  /** What it shows of which run, under the title ({@link runCaption}). */
  run?: string | undefined;
  /** The canvas's accessible name. */
  label: string;
  /** The map's numbers, rows as drawn. */
  table: () => ChartTable;
  /** What the cursor on `row` in week index `week` reads out. */
  readout: (row: T, week: number) => string;
}

/**
 * Canvas heat map of rows x weeks on the viridis scale 0-100, with a colour scale legend and a
 * read-out of the cell under the cursor: hover, or focus the map and move with the arrow keys.
 */
export function HeatMapView<T extends HeatRow>(props: HeatMapProps<T>) {
  let host!: HTMLDivElement;
  let canvas!: HTMLCanvasElement;
  let frame = 0;
  let painted: Painted | null = null;
  const teams = () => props.rows;
  /** The map's width as last measured (null before the first frame: nothing is laid out at a guessed width). */
  const [measured, setWidth] = createSignal<number | null>(null);
  const width = () => measured() ?? 800;
  const [cell, setCell] = createSignal<HeatCell | null>(null);
  /**
   * The weeks and the grid, kept while they are the same: every forecast brings a new
   * weeks array, and the month labels under the map were built again, node by node, for every
   * lever move.
   */
  const weeks = createMemo(() => props.weeks, undefined, { equals: sameWeeks });
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
    return c && c.row < teams().length && c.week < weeks().length ? c : null;
  };
  const readout = () => {
    const c = at();
    return c ? props.readout(teams()[c.row]!, c.week) : '';
  };
  return (
    <ChartFrame
      title={props.title}
      run={props.run}
      table={props.table}
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
          aria-label={props.label}
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

import { createEffect, onCleanup, onMount } from 'solid-js';
import type { Forecast } from '../../shared';
import { formatDate, tickLabel, toSeconds } from '../format';
import { ChartFrame } from './chart-frame';
import type { ChartTable } from './chart-table';
import { viridisAt } from './palette';

const LABEL_WIDTH = 150;
const AXIS_HEIGHT = 22;
const ROW_MIN = 9;
/** Viridis colour per whole risk point 0-100, computed once. */
const colours = Array.from({ length: 101 }, (_, risk) => viridisAt(risk / 100));

/** Teams with their P50 burnout risk per week, highest peak first. */
const byPeak = (forecast: Forecast) =>
  forecast.teams
    .map((team) => ({
      name: team.name,
      risk: team.metrics.burnoutRisk.p50,
      peak: Math.max(...team.metrics.burnoutRisk.p50),
    }))
    .sort((a, b) => b.peak - a.peak);

/** Draws burnout risk (P50, 0-100) of every team (rows, sorted by peak) over the weeks (columns). */
function draw(canvas: HTMLCanvasElement, forecast: Forecast, width: number) {
  const teams = byPeak(forecast);
  const rowHeight = Math.max(ROW_MIN, Math.min(14, Math.floor(520 / Math.max(1, teams.length))));
  const height = teams.length * rowHeight + AXIS_HEIGHT;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.scale(ratio, ratio);
  ctx.clearRect(0, 0, width, height);
  const weeks = forecast.weeks.length;
  const cell = (width - LABEL_WIDTH) / Math.max(1, weeks);
  ctx.font = `${Math.min(11, rowHeight - 1)}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  teams.forEach((team, row) => {
    const y = row * rowHeight;
    ctx.fillStyle = '#1d2330';
    ctx.fillText(team.name, 4, y + rowHeight / 2, LABEL_WIDTH - 8);
    team.risk.forEach((risk, w) => {
      const x = Math.floor(LABEL_WIDTH + w * cell);
      ctx.fillStyle = colours[Math.round(Math.min(100, Math.max(0, risk)))]!;
      ctx.fillRect(x, y, Math.floor(LABEL_WIDTH + (w + 1) * cell) - x, rowHeight - 1);
    });
  });
  ctx.fillStyle = '#1d2330';
  ctx.textBaseline = 'top';
  const span = weeks * 7;
  const step = Math.max(1, Math.ceil(weeks / 8));
  for (let w = 0; w < weeks; w += step) {
    const iso = forecast.weeks[w]!;
    ctx.fillText(tickLabel(toSeconds(iso), span), LABEL_WIDTH + w * cell, teams.length * rowHeight + 6);
  }
}

/** Canvas heat map of teams x weeks burnout risk, with a colour scale legend. */
export function BurnoutHeatMap(props: { forecast: Forecast }) {
  let host!: HTMLDivElement;
  let canvas!: HTMLCanvasElement;
  let frame = 0;
  /** Draws on the next frame, once however often the forecast changes before it. */
  const redraw = () => {
    const forecast = props.forecast;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => draw(canvas, forecast, host.clientWidth || 800));
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
  const first = () => props.forecast.weeks[0];
  const last = () => props.forecast.weeks.at(-1);
  /** Teams down (as drawn, by peak risk), weeks across. */
  const table = (): ChartTable => ({
    columns: ['Team', ...props.forecast.weeks.map((week) => `${week} P50 burnout (0-100)`)],
    rows: byPeak(props.forecast).map((team) => [
      team.name,
      ...Array.from(team.risk, (r) => Number(r.toFixed(1))),
    ]),
  });
  return (
    <ChartFrame
      title="Burnout risk by team and week (P50, index 0-100; teams sorted by peak risk)"
      table={table}
      canvas={() => canvas}
      legend={() => ['Colour: viridis, dark 0 (rested) to yellow 100 (burnt out)']}
    >
      <div ref={host}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={`Heat map of burnout risk for ${props.forecast.teams.length} teams from ${first() ? formatDate(first()!) : ''} to ${last() ? formatDate(last()!) : ''}`}
        />
      </div>
      <div class="scale" aria-hidden="true">
        <span>0 (rested)</span>
        <span class="scale-bar" />
        <span>100 (burnt out)</span>
      </div>
    </ChartFrame>
  );
}

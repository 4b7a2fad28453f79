import type uPlot from 'uplot';
import type { ScenarioEventInput } from '../../shared';
import { formatDate, toSeconds } from '../format';
import { describeEvent } from '../scenario/describe-event';

/** A scenario event marked on a chart's time axis. */
export interface ChartEvent {
  date: string;
  label: string;
}

/** The scenario's events (layoffs, hires, AI adoption changes and the rest) in date order, described. */
export const chartEventsOf = (
  events: readonly ScenarioEventInput[],
  names: Map<string, string> = new Map(),
): ChartEvent[] =>
  [...events]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((event) => ({ date: event.date, label: describeEvent(event, names) }));

/** "1. 4 Jan 2027: Layoff: 10% of all levels, all teams", as listed under a chart. */
export const eventLine = (event: ChartEvent, i: number): string =>
  `${i + 1}. ${formatDate(event.date)}: ${event.label}`;

/**
 * uPlot plugin: a dashed vertical line at each event's week with its number on top (the list
 * under the chart says what each number is). Events outside the time axis are left out.
 */
export function eventMarkers(events: () => readonly ChartEvent[]): uPlot.Plugin {
  return {
    hooks: {
      draw: (u) => {
        const { ctx } = u;
        const { top, height, left, width } = u.bbox;
        const ratio = window.devicePixelRatio || 1;
        ctx.save();
        ctx.strokeStyle = '#3d4452';
        ctx.fillStyle = '#1d2330';
        ctx.lineWidth = ratio;
        ctx.setLineDash([3 * ratio, 3 * ratio]);
        ctx.font = `${11 * ratio}px system-ui, sans-serif`;
        ctx.textAlign = 'center';
        events().forEach((event, i) => {
          const x = Math.round(u.valToPos(toSeconds(event.date), 'x', true));
          if (x < left || x > left + width) return;
          ctx.beginPath();
          ctx.moveTo(x, top + 12 * ratio);
          ctx.lineTo(x, top + height);
          ctx.stroke();
          ctx.fillText(String(i + 1), x, top + 10 * ratio);
        });
        ctx.restore();
      },
    },
  };
}

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

/** Whether `event` changes team `teamId`: it names that team, or names none and so applies to every team. */
export const affectsTeam = (event: ScenarioEventInput, teamId: string): boolean =>
  'teamId' in event
    ? event.teamId === teamId
    : 'teamIds' in event && event.teamIds
      ? event.teamIds.includes(teamId)
      : true;

/** "1. 4 Jan 2027: Layoff: 10% of all levels, all teams", as listed under a chart. */
export const eventLine = (event: ChartEvent, i: number): string =>
  `${i + 1}. ${formatDate(event.date)}: ${event.label}`;

/** A number label over the event markers: `text` ("3", or "1–2" for markers too close to label apart) centred at `x`. */
export interface MarkerLabel {
  x: number;
  text: string;
}

/**
 * The number labels of event markers at `xs` (canvas px, in event order, numbered from
 * `first`): markers whose labels would come closer than `gap` px to the label before share one
 * label naming the range ("1–2"), centred between them, so on a narrow chart events a week or two
 * apart do not print their numbers over each other. `width` measures a label's text in px.
 */
export function markerLabels(
  xs: readonly number[],
  width: (text: string) => number,
  gap: number,
  first = 1,
): MarkerLabel[] {
  const groups: { from: number; to: number; left: number; right: number }[] = [];
  const place = (group: { from: number; to: number; left: number; right: number }) => {
    const x = (xs[group.from - first]! + xs[group.to - first]!) / 2;
    const half = width(labelText(group.from, group.to)) / 2;
    return { ...group, left: x - half, right: x + half };
  };
  xs.forEach((_, i) => {
    let group = place({ from: first + i, to: first + i, left: 0, right: 0 });
    while (groups.length > 0 && group.left < groups.at(-1)!.right + gap)
      group = place({ ...group, from: groups.pop()!.from });
    groups.push(group);
  });
  return groups.map((group) => ({
    x: (group.left + group.right) / 2,
    text: labelText(group.from, group.to),
  }));
}

const labelText = (from: number, to: number) => (from === to ? String(from) : `${from}–${to}`);

/**
 * uPlot plugin: a dashed vertical line at each event's week with its number on top (the list
 * under the chart says what each number is); numbers too close to print apart share a label
 * ("1–2", {@link markerLabels}). Events outside the time axis are left out.
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
        const shown = events()
          .map((event, i) => ({ n: i + 1, x: Math.round(u.valToPos(toSeconds(event.date), 'x', true)) }))
          .filter(({ x }) => x >= left && x <= left + width);
        for (const { x } of shown) {
          ctx.beginPath();
          ctx.moveTo(x, top + 12 * ratio);
          ctx.lineTo(x, top + height);
          ctx.stroke();
        }
        const labels = markerLabels(
          shown.map(({ x }) => x),
          (text) => ctx.measureText(text).width,
          4 * ratio,
          shown[0]?.n,
        );
        for (const label of labels) ctx.fillText(label.text, label.x, top + 10 * ratio);
        ctx.restore();
      },
    },
  };
}

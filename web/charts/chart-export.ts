import { toCsv } from '../../shared';
import type { ChartTable } from './chart-table';

/** A file name from a chart title: `org-sign-off-backlog.csv`. */
export const fileName = (title: string, extension: string): string =>
  `${
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'chart'
  }.${extension}`;

function download(href: string, name: string) {
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}

/** Saves the chart's table as CSV (RFC 4180, the server's CSV writer). */
export function downloadCsv(title: string, table: ChartTable): void {
  const url = URL.createObjectURL(new Blob([toCsv(table.columns, table.rows)], { type: 'text/csv' }));
  download(url, fileName(title, 'csv'));
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const TITLE_HEIGHT = 28;

/** Saves `canvas` as PNG on a white background under the chart's title (the legend is drawn as text below). */
export function downloadPng(title: string, canvas: HTMLCanvasElement, legend: readonly string[]): void {
  const ratio = canvas.width / Math.max(1, canvas.clientWidth || canvas.width);
  const out = document.createElement('canvas');
  const legendHeight = legend.length * 18 + 8;
  out.width = canvas.width;
  out.height = canvas.height + (TITLE_HEIGHT + legendHeight) * ratio;
  const ctx = out.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#1d2330';
  ctx.font = '600 14px system-ui, sans-serif';
  ctx.fillText(title, 8, 19);
  ctx.drawImage(canvas, 0, TITLE_HEIGHT, canvas.width / ratio, canvas.height / ratio);
  ctx.font = '12px system-ui, sans-serif';
  legend.forEach((line, i) => {
    ctx.fillText(line, 8, TITLE_HEIGHT + canvas.height / ratio + 18 * (i + 1));
  });
  download(out.toDataURL('image/png'), fileName(title, 'png'));
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where measured figures live, one JSON file per benchmark or trial series. */
export const figuresDir = fileURLToPath(new URL('../../docs/figures', import.meta.url));

export type FigureRow = Record<string, string | number>;

export interface Figures {
  name: string;
  measuredAt: string;
  note?: string;
  rows: FigureRow[];
  /** A second, finer table (the mutation figures' one row per file), shown under the first. */
  detail?: FigureRow[];
}

/**
 * Writes the figures of one run to docs/figures/<name>.json (creating the folder), stamped
 * with the time of measurement; `npm run figures` turns them into docs/FIGURES.md.
 */
export function recordFigures(name: string, rows: FigureRow[], note?: string): void {
  mkdirSync(figuresDir, { recursive: true });
  const figures: Figures = { name, measuredAt: new Date().toISOString(), ...(note ? { note } : {}), rows };
  writeFileSync(join(figuresDir, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}

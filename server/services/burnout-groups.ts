import type { BurnoutGroup } from '../../shared/contract/dashboard-view';

/** A team as the grouped heat map ranks it: its name, peak P50 burnout and P50 burnout per week (index 0-100). */
export interface BurnoutTeam {
  name: string;
  peak: number;
  p50: ArrayLike<number>;
}

/** The nearest-rank P90 of values sorted ascending: the ceil(0.9 n)-th smallest. */
const p90Sorted = (sorted: Float64Array): number => sorted[Math.ceil((9 * sorted.length) / 10) - 1] ?? 0;

/** One group's row: per week, the P90 and the highest of its teams' P50 burnout. */
function groupRow(teams: readonly BurnoutTeam[], firstRank: number, weeks: number): BurnoutGroup {
  const top = teams[0]!;
  const p90: number[] = [];
  const max: number[] = [];
  const values = new Float64Array(teams.length);
  for (let week = 0; week < weeks; week++) {
    teams.forEach((team, i) => {
      values[i] = team.p50[week] ?? 0;
    });
    values.sort();
    p90.push(p90Sorted(values));
    max.push(values[values.length - 1]!);
  }
  return {
    label: teams.length === 1 ? top.name : `Ranks ${firstRank}-${firstRank + teams.length - 1}`,
    firstRank,
    teams: teams.length,
    top: { name: top.name, peak: top.peak },
    p90,
    max,
  };
}

/**
 * The rows of the grouped burnout heat map: teams ranked by peak P50 burnout, highest first (ties
 * keep the given order), cut into min(`groups`, teams) ranges of consecutive ranks whose sizes
 * differ by at most one (the larger first); each row gives per week the P90 (nearest rank) and
 * the highest of its teams' P50 burnout over `weeks` weeks.
 */
export function burnoutGroups(teams: readonly BurnoutTeam[], groups: number, weeks: number): BurnoutGroup[] {
  const ranked = [...teams].sort((a, b) => b.peak - a.peak);
  const rows = Math.min(groups, ranked.length);
  const size = Math.floor(ranked.length / Math.max(1, rows));
  const larger = ranked.length - size * rows;
  const out: BurnoutGroup[] = [];
  let at = 0;
  for (let row = 0; row < rows; row++) {
    const count = size + (row < larger ? 1 : 0);
    out.push(groupRow(ranked.slice(at, at + count), at + 1, weeks));
    at += count;
  }
  return out;
}

import { type RosterMode, rosterModeSchema } from '../../shared/contract/roster';
import type { Headcount } from '../db/schema';
import type { RosterRow } from './roster-validate';

/** How a roster file applies: `replace` makes it the whole roster; `merge` adds and updates people and removes no one. */
export const rosterModes = rosterModeSchema.options;
export type { RosterMode };

/** A person on the current roster, by employee id. */
export interface CurrentPerson {
  externalId: string;
  team: string;
  level: string;
}

/** One team's change: headcount per level before and after, and people in and out. */
export interface TeamChange {
  name: string;
  status: 'new' | 'changed' | 'emptied';
  before: Headcount;
  after: Headcount;
  joining: number;
  leaving: number;
}

/** What a roster file would do, written by nothing. */
export interface RosterPlan {
  mode: RosterMode;
  people: { added: number; moved: number; levelChanged: number; removed: number; unchanged: number };
  teams: TeamChange[];
  /** The first people of each kind (at most `sampleSize`), to show what changes. */
  samples: {
    added: { employeeId: string; team: string; level: string }[];
    moved: { employeeId: string; from: string; to: string }[];
    levelChanged: { employeeId: string; team: string; from: string; to: string }[];
    removed: { employeeId: string; team: string; level: string }[];
  };
  /** Headcount per team name after the import, for every team whose headcount it sets. */
  headcounts: Map<string, Headcount>;
}

const sampleSize = 100;

function countByTeam(people: Iterable<{ team: string; level: string }>): Map<string, Headcount> {
  const byTeam = new Map<string, Headcount>();
  for (const p of people) {
    const h = byTeam.get(p.team) ?? {};
    h[p.level] = (h[p.level] ?? 0) + 1;
    byTeam.set(p.team, h);
  }
  return byTeam;
}

const sameHeadcount = (a: Headcount, b: Headcount) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? 0) === (b[k] ?? 0));
};

const push = <T>(list: T[], item: T) => {
  if (list.length < sampleSize) list.push(item);
};

/**
 * Compares a validated roster file with the current roster. `replace`: the file is the whole
 * roster; every existing team's headcount becomes its count in the file (a team absent from the
 * file is emptied, not deleted). `merge`: people in the file are added or updated (team, level),
 * nobody is removed, and only the teams someone joins or leaves get their headcount recounted.
 */
export function planRoster(
  mode: RosterMode,
  current: CurrentPerson[],
  rows: RosterRow[],
  teams: { name: string; headcount: Headcount }[],
): RosterPlan {
  const before = new Map(current.map((p) => [p.externalId, p]));
  const inFile = new Set(rows.map((r) => r.externalId));
  const people = { added: 0, moved: 0, levelChanged: 0, removed: 0, unchanged: 0 };
  const samples: RosterPlan['samples'] = { added: [], moved: [], levelChanged: [], removed: [] };
  const touched = new Set<string>();
  const flows = new Map<string, { joining: number; leaving: number }>();
  const flow = (team: string) => flows.get(team) ?? flows.set(team, { joining: 0, leaving: 0 }).get(team)!;
  for (const row of rows) {
    touched.add(row.team);
    const was = before.get(row.externalId);
    if (!was) {
      people.added += 1;
      flow(row.team).joining += 1;
      push(samples.added, { employeeId: row.externalId, team: row.team, level: row.level });
    } else if (was.team !== row.team) {
      people.moved += 1;
      touched.add(was.team);
      flow(row.team).joining += 1;
      flow(was.team).leaving += 1;
      push(samples.moved, { employeeId: row.externalId, from: was.team, to: row.team });
    } else if (was.level !== row.level) {
      people.levelChanged += 1;
      push(samples.levelChanged, {
        employeeId: row.externalId,
        team: row.team,
        from: was.level,
        to: row.level,
      });
    } else people.unchanged += 1;
  }
  const kept = mode === 'merge' ? current.filter((p) => !inFile.has(p.externalId)) : [];
  if (mode === 'replace') {
    for (const p of current) {
      if (inFile.has(p.externalId)) continue;
      people.removed += 1;
      flow(p.team).leaving += 1;
      push(samples.removed, { employeeId: p.externalId, team: p.team, level: p.level });
    }
  }
  const after = countByTeam([...kept, ...rows]);
  const existing = new Map(teams.map((t) => [t.name, t.headcount]));
  const headcounts = new Map<string, Headcount>();
  for (const name of mode === 'replace' ? new Set([...existing.keys(), ...touched]) : touched) {
    headcounts.set(name, after.get(name) ?? {});
  }
  const changes: TeamChange[] = [];
  for (const [name, next] of headcounts) {
    const previous = existing.get(name);
    const status = !previous
      ? 'new'
      : sameHeadcount(previous, next)
        ? null
        : Object.values(next).every((n) => n === 0)
          ? 'emptied'
          : 'changed';
    if (status)
      changes.push({
        name,
        status,
        before: previous ?? {},
        after: next,
        ...(flows.get(name) ?? { joining: 0, leaving: 0 }),
      });
  }
  changes.sort((a, b) => a.name.localeCompare(b.name));
  return { mode, people, teams: changes, samples, headcounts };
}

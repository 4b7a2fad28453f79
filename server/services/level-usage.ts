import { eq } from 'drizzle-orm';
import type { ScenarioEvent } from '../../shared/index';
import { engineers, scenarios, scenarioVersions, teams } from '../db/schema';
import type { FieldError } from '../errors';
import type { Tx } from './audit';

/** The level ids an event names, with the field that names each (e.g. `levels[1]`, `rules.mid`). */
export function eventLevels(event: ScenarioEvent): { field: string; level: string }[] {
  switch (event.type) {
    case 'layoff':
    case 'attrition-shock':
      return event.level === undefined ? [] : [{ field: 'level', level: event.level }];
    case 'hire':
      return [{ field: 'level', level: event.level }];
    case 'ai-adoption':
      return (event.levels ?? []).map((level, i) => ({ field: `levels[${i}]`, level }));
    case 'review-policy':
      return Object.keys(event.rules).map((level) => ({ field: `rules.${level}`, level }));
    case 'promotion':
      return [
        { field: 'fromLevel', level: event.fromLevel },
        { field: 'toLevel', level: event.toLevel },
      ];
    case 'tool-effect':
      return [];
  }
}

const listed = (names: string[], limit = 3): string =>
  names.length <= limit
    ? names.join(', ')
    : `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;

/**
 * Where the org still uses each of `removed` (level ids about to leave the ladder): roster rows
 * (engineers), team headcounts above zero, and events of any scenario version. One error per
 * used level, at `levels`, saying what uses it; empty when nothing does.
 */
export async function levelUsage(tx: Tx, orgId: string, removed: ReadonlySet<string>): Promise<FieldError[]> {
  if (removed.size === 0) return [];
  const uses = new Map<string, string[]>([...removed].map((level) => [level, []]));
  const people = await tx
    .select({ externalId: engineers.externalId, level: engineers.level })
    .from(engineers)
    .where(eq(engineers.orgId, orgId));
  for (const level of removed) {
    const ids = people.filter((p) => p.level === level).map((p) => p.externalId);
    if (ids.length > 0) uses.get(level)?.push(`${ids.length} roster engineer(s) (${listed(ids)})`);
  }
  const teamRows = await tx
    .select({ name: teams.name, headcount: teams.headcount })
    .from(teams)
    .where(eq(teams.orgId, orgId));
  for (const level of removed) {
    const named = teamRows.filter((t) => (t.headcount[level] ?? 0) > 0).map((t) => t.name);
    if (named.length > 0) uses.get(level)?.push(`the headcount of team(s) ${listed(named)}`);
  }
  const versions = await tx
    .select({ name: scenarios.name, version: scenarioVersions.version, body: scenarioVersions.body })
    .from(scenarioVersions)
    .innerJoin(scenarios, eq(scenarios.id, scenarioVersions.scenarioId))
    .where(eq(scenarios.orgId, orgId));
  for (const level of removed) {
    const places = versions.flatMap((v) =>
      v.body.events.flatMap((event, i) =>
        eventLevels(event)
          .filter((ref) => ref.level === level)
          .map((ref) => `"${v.name}" v${v.version} events[${i}].${ref.field}`),
      ),
    );
    if (places.length > 0) uses.get(level)?.push(`scenario events ${listed(places)}`);
  }
  return [...uses]
    .filter(([, found]) => found.length > 0)
    .map(([level, found]) => ({
      path: 'levels',
      message: `level "${level}" cannot be removed: still used by ${found.join('; ')}`,
    }));
}

import { and, eq, sql } from 'drizzle-orm';
import type { TeamDeletion } from '../../shared/contract/teams';
import { alertRules } from '../db/alerts-schema';
import type { Db } from '../db/client';
import { engineers, type Headcount, scenarios, scenarioVersions, teams } from '../db/schema';
import { ProblemError } from '../errors';
import { type Actor, recordAudit, type Tx } from './audit';
import { findTeam } from './teams';

/** What {@link deleteTeam} would do to `id`; reads only. */
export async function teamDeletion(db: Tx, orgId: string, id: string): Promise<TeamDeletion> {
  const team = await findTeam(db, orgId, id);
  const people = await db.$count(engineers, eq(engineers.teamId, id));
  const childTeams = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.parentId, id)))
    .orderBy(teams.name);
  // Team ids are UUIDs, so a match anywhere in the scenario body is a reference to this team.
  const naming = await db
    .select({ id: scenarios.id, name: scenarios.name, planOfRecord: scenarios.planOfRecord })
    .from(scenarios)
    .innerJoin(
      scenarioVersions,
      and(
        eq(scenarioVersions.scenarioId, scenarios.id),
        eq(scenarioVersions.version, scenarios.latestVersion),
      ),
    )
    .where(and(eq(scenarios.orgId, orgId), sql`instr(${scenarioVersions.body}, ${id}) > 0`))
    .orderBy(scenarios.name);
  const rules = await db
    .select({ id: alertRules.id, name: alertRules.name, teams: alertRules.teams })
    .from(alertRules)
    .where(
      and(
        eq(alertRules.orgId, orgId),
        sql`exists (select 1 from json_each(${alertRules.teams}) where value = ${id})`,
      ),
    )
    .orderBy(alertRules.name);
  return {
    team: { id: team.id, name: team.name, headcount: team.headcount },
    engineers: people,
    childTeams,
    scenarios: naming,
    alertRules: rules.map((r) => ({ id: r.id, name: r.name, paused: (r.teams ?? []).length === 1 })),
  };
}

/** Adds the levels of `people` to `headcount`. */
function plus(headcount: Headcount, people: { level: string }[]): Headcount {
  const next = { ...headcount };
  for (const p of people) next[p.level] = (next[p.level] ?? 0) + 1;
  return next;
}

/**
 * Deletes a team in one transaction, as {@link teamDeletion} describes: refused (409, naming them)
 * while scenarios name it; its people are deleted, or moved to `moveTo` (whose headcount gains
 * their levels); it leaves the alert rules that watched it (a rule left with no team is paused
 * rather than widened to every team); child teams lose their parent.
 */
export async function deleteTeam(
  db: Db,
  orgId: string,
  id: string,
  actor: Actor,
  now: Date,
  moveTo?: string,
): Promise<TeamDeletion> {
  return db.transaction(async (tx) => {
    const impact = await teamDeletion(tx, orgId, id);
    if (impact.scenarios.length > 0) {
      const names = impact.scenarios.map((s) => `"${s.name}"`).join(', ');
      throw new ProblemError(
        409,
        'Conflict',
        `Team "${impact.team.name}" is named in the latest version of ${names}; remove it from those scenarios' events first.`,
      );
    }
    if (moveTo !== undefined) {
      const invalid = (message: string) =>
        new ProblemError(422, 'Unprocessable Content', `moveEngineersTo: ${message}`, [
          { path: 'moveEngineersTo', message },
        ]);
      if (moveTo === id) throw invalid('must be another team than the one deleted');
      const target = await tx
        .select()
        .from(teams)
        .where(and(eq(teams.id, moveTo), eq(teams.orgId, orgId)))
        .get();
      if (!target) throw invalid('no such team in this org');
      const moving = await tx
        .select({ level: engineers.level })
        .from(engineers)
        .where(eq(engineers.teamId, id));
      await tx.update(engineers).set({ teamId: moveTo }).where(eq(engineers.teamId, id));
      await tx
        .update(teams)
        .set({ headcount: plus(target.headcount, moving) })
        .where(eq(teams.id, moveTo));
    }
    for (const rule of impact.alertRules) {
      const current = await tx
        .select({ teams: alertRules.teams })
        .from(alertRules)
        .where(eq(alertRules.id, rule.id))
        .get();
      const left = (current?.teams ?? []).filter((t) => t !== id);
      await tx
        .update(alertRules)
        .set(left.length ? { teams: left } : { teams: null, pausedAt: now })
        .where(eq(alertRules.id, rule.id));
    }
    await tx.delete(teams).where(eq(teams.id, id));
    await recordAudit(tx, actor, {
      orgId,
      action: 'delete',
      entity: 'team',
      entityId: id,
      before: { ...impact, moveEngineersTo: moveTo ?? null },
    });
    return impact;
  });
}

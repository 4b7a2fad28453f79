import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Team } from '../../shared/contract/teams';
import type { Db } from '../db/client';
import { type Headcount, teams } from '../db/schema';
import { notFound, ProblemError } from '../errors';
import { type Actor, recordAudit, type Tx } from './audit';
import { loadSettings } from './org-model';
import { decodeCursor, type Page, toPage } from './pagination';

export interface TeamInput {
  name?: string | undefined;
  parentId?: string | null | undefined;
  headcount?: Headcount | undefined;
}

const view = (row: typeof teams.$inferSelect): Team => ({
  id: row.id,
  name: row.name,
  parentId: row.parentId,
  headcount: row.headcount,
});

const invalid = (path: string, message: string) =>
  new ProblemError(422, 'Unprocessable Content', `${path}: ${message}`, [{ path, message }]);

/** Checks levels against the org's ladder, the parent against the org's teams, and the name for clashes. */
async function checkTeam(tx: Tx, orgId: string, input: TeamInput, selfId?: string): Promise<void> {
  if (input.headcount) {
    const { levels } = await loadSettings(tx, orgId);
    const known = new Set(levels.map((l) => l.id));
    const unknown = Object.keys(input.headcount).find((level) => !known.has(level));
    if (unknown !== undefined) throw invalid(`headcount.${unknown}`, `unknown level "${unknown}"`);
  }
  if (input.parentId) {
    if (input.parentId === selfId) throw invalid('parentId', 'a team cannot be its own parent');
    const parent = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.id, input.parentId), eq(teams.orgId, orgId)))
      .get();
    if (!parent) throw invalid('parentId', 'no such team in this org');
  }
  if (input.name !== undefined) {
    const clash = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, orgId), eq(teams.name, input.name)))
      .get();
    if (clash && clash.id !== selfId)
      throw new ProblemError(409, 'Conflict', `A team named "${input.name}" exists.`);
  }
}

/** A team of the org, or 404. */
export async function findTeam(tx: Tx, orgId: string, id: string) {
  const row = await tx
    .select()
    .from(teams)
    .where(and(eq(teams.id, id), eq(teams.orgId, orgId)))
    .get();
  if (!row) throw notFound('team');
  return row;
}

/** Teams of an org by name, a page at a time. */
export async function listTeams(db: Db, orgId: string, limit: number, cursor?: string): Promise<Page<Team>> {
  const after = decodeCursor(cursor);
  const rows = await db
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), after === undefined ? undefined : gt(teams.name, after)))
    .orderBy(asc(teams.name))
    .limit(limit + 1);
  return toPage(rows, limit, (r) => r.name, view);
}

export async function getTeam(db: Db, orgId: string, id: string): Promise<Team> {
  return view(await findTeam(db, orgId, id));
}

export async function createTeam(
  db: Db,
  orgId: string,
  input: { name: string; parentId?: string | null | undefined; headcount: Headcount },
  actor: Actor,
): Promise<Team> {
  return db.transaction(async (tx) => {
    await checkTeam(tx, orgId, input);
    const [row] = await tx
      .insert(teams)
      .values({
        id: randomUUID(),
        orgId,
        name: input.name,
        parentId: input.parentId ?? null,
        headcount: input.headcount,
      })
      .returning();
    const after = view(row!);
    await recordAudit(tx, actor, { orgId, action: 'create', entity: 'team', entityId: after.id, after });
    return after;
  });
}

export async function updateTeam(
  db: Db,
  orgId: string,
  id: string,
  patch: TeamInput,
  actor: Actor,
): Promise<Team> {
  return db.transaction(async (tx) => {
    const before = view(await findTeam(tx, orgId, id));
    await checkTeam(tx, orgId, patch, id);
    const [row] = await tx.update(teams).set(patch).where(eq(teams.id, id)).returning();
    const after = view(row!);
    await recordAudit(tx, actor, { orgId, action: 'update', entity: 'team', entityId: id, before, after });
    return after;
  });
}

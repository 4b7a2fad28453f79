import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { engineers, teams } from '../db/schema';
import { ProblemError } from '../errors';
import { type Actor, recordAudit, type Tx } from './audit';
import { CsvSyntaxError, parseCsv } from './csv-records';
import { orderedIds } from './ordered-ids';
import { loadSettings } from './org-model';
import { planRoster, type RosterMode, type RosterPlan } from './roster-plan';
import { type RosterRow, validateRoster } from './roster-validate';

/** Rows per INSERT; each batch travels as one JSON parameter (binding 7 values a row is slower). */
const batchRows = 10_000;
/** Teams per INSERT: 5 columns x 500 rows, well under SQLite's 32,766 bound parameters. */
const teamBatchRows = 500;
/** At most this many row errors are listed; `detail` gives the total. */
const maxListedErrors = 1_000;

export interface ImportResult {
  imported: number;
  teams: number;
  teamsCreated: number;
  mode: RosterMode;
  people: RosterPlan['people'];
}

function invalidRoster(errors: { line: number; column: string; message: string }[]): ProblemError {
  const listed = errors.slice(0, maxListedErrors);
  const more = errors.length > listed.length ? ` (the first ${listed.length} are listed)` : '';
  return new ProblemError(
    422,
    'Unprocessable Content',
    `The roster has ${errors.length} problem${errors.length === 1 ? '' : 's'}${more}; nothing was imported.`,
    listed,
  );
}

/** The file's rows, checked against the org's level ladder; 422 listing every bad row otherwise. */
async function checkedRows(db: Db, orgId: string, csv: string, now: Date): Promise<RosterRow[]> {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw invalidRoster([{ line: error.line, column: error.column, message: error.message }]);
    throw error;
  }
  const { levels } = await loadSettings(db, orgId);
  const checked = validateRoster(records, levels, now.toISOString().slice(0, 10));
  if (!checked.ok) throw invalidRoster(checked.errors);
  return checked.rows;
}

/** The org's teams and the people on its roster (employee id, team name, level). */
async function currentRoster(tx: Tx, orgId: string) {
  const existing = await tx
    .select({ id: teams.id, name: teams.name, headcount: teams.headcount })
    .from(teams)
    .where(eq(teams.orgId, orgId));
  const people = await tx
    .select({ externalId: engineers.externalId, team: teams.name, level: engineers.level })
    .from(engineers)
    .innerJoin(teams, eq(teams.id, engineers.teamId))
    .where(eq(engineers.orgId, orgId));
  return { existing, people };
}

/** What importing the file in `mode` would change; reads only. */
export async function previewRoster(db: Db, orgId: string, csv: string, mode: RosterMode, now: Date) {
  const rows = await checkedRows(db, orgId, csv, now);
  const { existing, people } = await currentRoster(db, orgId);
  const { headcounts: _, ...plan } = planRoster(mode, people, rows, existing);
  return { ...plan, rows: rows.length };
}

/** Upserts by employee id (merge): a new person is added, a known one gets the file's team, level and details. */
const upsertSql = sql.raw(`ON CONFLICT (org_id, external_id) DO UPDATE SET team_id = excluded.team_id,
  level = excluded.level, hire_date = excluded.hire_date, manager_id = excluded.manager_id,
  emails = excluded.emails, github = excluded.github`);

/**
 * Imports a roster CSV (columns employee_id, team, level, hire_date and optional manager_id,
 * email, github), all or nothing in one transaction. `replace` (the default) makes the file the
 * whole roster: people absent from it are removed and every team's headcount becomes its count in
 * the file (teams absent from it keep existing with no one in them). `merge` adds and updates the
 * file's people and removes no one; only teams someone joins or leaves are recounted. An unknown
 * team name creates the team. See {@link planRoster}.
 */
export async function importRoster(
  db: Db,
  orgId: string,
  csv: string,
  now: Date,
  actor: Actor,
  mode: RosterMode = 'replace',
): Promise<ImportResult> {
  const rows = await checkedRows(db, orgId, csv, now);
  return db.transaction(async (tx) => {
    const { existing, people } = await currentRoster(tx, orgId);
    const plan = planRoster(mode, people, rows, existing);
    const teamIds = new Map(existing.map((t) => [t.name, t.id]));
    const created = [...plan.headcounts.keys()]
      .filter((name) => !teamIds.has(name))
      .map((name) => ({ id: randomUUID(), orgId, name, headcount: plan.headcounts.get(name)! }));
    for (const team of created) teamIds.set(team.name, team.id);
    for (let i = 0; i < created.length; i += teamBatchRows) {
      await tx.insert(teams).values(created.slice(i, i + teamBatchRows));
    }
    for (const team of existing) {
      const headcount = plan.headcounts.get(team.name);
      if (headcount) await tx.update(teams).set({ headcount }).where(eq(teams.id, team.id));
    }
    if (mode === 'replace') await tx.delete(engineers).where(eq(engineers.orgId, orgId));
    const ids = orderedIds(rows.length);
    for (let i = 0; i < rows.length; i += batchRows) {
      const batch = rows
        .slice(i, i + batchRows)
        .map((r, k) => [
          ids[i + k],
          teamIds.get(r.team),
          r.externalId,
          r.level,
          r.hireDate,
          r.managerId,
          JSON.stringify(r.emails),
          r.github,
        ]);
      await tx.run(sql`INSERT INTO engineers (id, org_id, team_id, external_id, level, hire_date, manager_id, emails, github)
        SELECT value->>0, ${orgId}, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6, value->>7
        FROM json_each(${JSON.stringify(batch)}) WHERE true ${mode === 'merge' ? upsertSql : sql``}`);
    }
    const teamsInFile = new Set(rows.map((r) => r.team)).size;
    const result = {
      imported: rows.length,
      teams: teamsInFile,
      teamsCreated: created.length,
      mode,
      people: plan.people,
    };
    await recordAudit(tx, actor, {
      orgId,
      action: 'import',
      entity: 'roster',
      entityId: null,
      before: { headcounts: Object.fromEntries(existing.map((t) => [t.name, t.headcount])) },
      after: { ...result, headcounts: Object.fromEntries(plan.headcounts) },
    });
    return result;
  });
}

import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { engineers, type Headcount, teams } from '../db/schema';
import { ProblemError } from '../errors';
import { type Actor, recordAudit } from './audit';
import { CsvSyntaxError, parseCsv } from './csv-records';
import { orderedIds } from './ordered-ids';
import { loadSettings } from './org-model';
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

function headcounts(rows: RosterRow[]): Map<string, Headcount> {
  const byTeam = new Map<string, Headcount>();
  for (const row of rows) {
    const h = byTeam.get(row.team) ?? {};
    h[row.level] = (h[row.level] ?? 0) + 1;
    byTeam.set(row.team, h);
  }
  return byTeam;
}

/**
 * Replaces the org's roster with a CSV file (columns employee_id, team, level, hire_date and
 * optional manager_id, email, github), all or nothing in one transaction. The roster defines the teams: an
 * unknown team name creates the team; every team's headcount becomes its count per level in the
 * file (teams absent from the file keep existing with no one in them).
 */
export async function importRoster(
  db: Db,
  orgId: string,
  csv: string,
  now: Date,
  actor: Actor,
): Promise<ImportResult> {
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
  const counts = headcounts(checked.rows);
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: teams.id, name: teams.name, headcount: teams.headcount })
      .from(teams)
      .where(eq(teams.orgId, orgId));
    const teamIds = new Map(existing.map((t) => [t.name, t.id]));
    const created = [...counts.keys()]
      .filter((name) => !teamIds.has(name))
      .map((name) => ({ id: randomUUID(), orgId, name, headcount: counts.get(name)! }));
    for (const team of created) teamIds.set(team.name, team.id);
    for (let i = 0; i < created.length; i += teamBatchRows) {
      await tx.insert(teams).values(created.slice(i, i + teamBatchRows));
    }
    for (const team of existing) {
      await tx
        .update(teams)
        .set({ headcount: counts.get(team.name) ?? {} })
        .where(eq(teams.id, team.id));
    }
    await tx.delete(engineers).where(eq(engineers.orgId, orgId));
    const ids = orderedIds(checked.rows.length);
    for (let i = 0; i < checked.rows.length; i += batchRows) {
      const batch = checked.rows
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
        FROM json_each(${JSON.stringify(batch)})`);
    }
    const result = { imported: checked.rows.length, teams: counts.size, teamsCreated: created.length };
    await recordAudit(tx, actor, {
      orgId,
      action: 'import',
      entity: 'roster',
      entityId: null,
      before: { headcounts: Object.fromEntries(existing.map((t) => [t.name, t.headcount])) },
      after: { ...result, headcounts: Object.fromEntries(counts) },
    });
    return result;
  });
}

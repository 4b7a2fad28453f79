import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { engineers, type Headcount, teams } from '../db/schema';
import { ProblemError } from '../errors';
import { type Actor, recordAudit } from './audit';
import { CsvSyntaxError, parseCsv } from './csv-parse';
import { loadSettings } from './org-model';
import { type RosterRow, validateRoster } from './roster-validate';

/** Rows per INSERT: 7 columns x 2,000 rows stays under SQLite's 32,766 bound parameters. */
const batchRows = 2_000;
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
 * optional manager_id), all or nothing in one transaction. The roster defines the teams: an
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
      throw invalidRoster([{ line: error.line, column: '', message: error.message }]);
    throw error;
  }
  const { levels } = await loadSettings(db, orgId);
  const checked = validateRoster(records, new Set(levels.map((l) => l.id)), now.toISOString().slice(0, 10));
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
    for (let i = 0; i < created.length; i += batchRows)
      await tx.insert(teams).values(created.slice(i, i + batchRows));
    for (const team of existing) {
      await tx
        .update(teams)
        .set({ headcount: counts.get(team.name) ?? {} })
        .where(eq(teams.id, team.id));
    }
    await tx.delete(engineers).where(eq(engineers.orgId, orgId));
    for (let i = 0; i < checked.rows.length; i += batchRows) {
      const batch = checked.rows.slice(i, i + batchRows).map((r) => ({
        id: randomUUID(),
        orgId,
        teamId: teamIds.get(r.team)!,
        externalId: r.externalId,
        level: r.level,
        hireDate: r.hireDate,
        managerId: r.managerId,
      }));
      await tx.insert(engineers).values(batch);
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

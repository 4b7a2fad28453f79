import { createHash, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { HistoryImportSummary } from '../../shared/contract/history-imports';
import type { Db } from '../db/client';
import { engineers, type HistorySourceKind, historySources, orgs, teams } from '../db/schema';
import { type Actor, recordAudit, type Tx } from '../services/audit';
import { loadSettings } from '../services/org-model';
import type { ImportedChange } from './change';
import { deriveRoster } from './derive-roster';
import { loadIdentityMatcher } from './identity-match';
import { historySpan } from './span';

/** Changes per INSERT; each batch travels as one JSON parameter. */
const batchRows = 5_000;

/** What to store: the changes of one upload or sync, for source `kind`/`source`. */
export interface StoreInput {
  kind: HistorySourceKind;
  source: string;
  /** Attach the source to this team (created if missing). */
  team?: string;
  /** Build the team's roster from the history when it has nobody. */
  deriveRoster?: boolean;
  changes: ImportedChange[];
  people: Map<string, string>;
}

/** The summary the API and the CLI print. */
/** What a stored import counted (the routes add the job id and the bots left out). */
export type ImportSummary = Omit<HistoryImportSummary, 'job' | 'bots'>;

/** The id of team `name`, created when missing. */
export async function teamId(tx: Tx, orgId: string, name: string): Promise<string> {
  const found = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.name, name)))
    .get();
  if (found) return found.id;
  const id = randomUUID();
  await tx.insert(teams).values({ id, orgId, name, headcount: {} });
  return id;
}

/** The id of source `kind`/`name`, created on first use; stamps its last import and team. */
export async function sourceId(
  tx: Tx,
  orgId: string,
  input: Pick<StoreInput, 'kind' | 'source'>,
  team: string | null,
  now: Date,
) {
  const found = await tx
    .select({ id: historySources.id })
    .from(historySources)
    .where(
      and(
        eq(historySources.orgId, orgId),
        eq(historySources.kind, input.kind),
        eq(historySources.name, input.source),
      ),
    )
    .get();
  const id = found?.id ?? randomUUID();
  if (found) {
    await tx
      .update(historySources)
      .set({ lastImportAt: now, ...(team ? { teamId: team } : {}) })
      .where(eq(historySources.id, id));
  } else {
    await tx
      .insert(historySources)
      .values({ id, orgId, kind: input.kind, name: input.source, teamId: team, lastImportAt: now });
  }
  return id;
}

/**
 * Inserts the changes, each replacing its earlier copy (same source and key), in key order: the
 * unique (source, key) index then grows at its end instead of splitting pages all over.
 */
export async function upsertChanges(tx: Tx, orgId: string, source: string, changes: ImportedChange[]) {
  const sorted = [...changes].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let i = 0; i < sorted.length; i += batchRows) {
    const batch = sorted
      .slice(i, i + batchRows)
      .map((c) => [
        c.key,
        c.author,
        c.authorName,
        c.signer,
        JSON.stringify(c.reviewers),
        c.authoredAt,
        c.firstReviewAt,
        c.signedOffAt,
        c.aiAssisted ? 1 : 0,
        c.lines,
      ]);
    await tx.run(sql`INSERT INTO history_changes (org_id, source_id, key, author, author_name, signer, reviewers,
        authored_at, first_review_at, signed_off_at, ai_assisted, lines)
      SELECT ${orgId}, ${source}, value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6,
        value->>7, value->>8, value->>9
      FROM json_each(${JSON.stringify(batch)}) WHERE true
      ON CONFLICT (source_id, key) DO UPDATE SET author = excluded.author, author_name = excluded.author_name,
        signer = excluded.signer, reviewers = excluded.reviewers, authored_at = excluded.authored_at,
        first_review_at = excluded.first_review_at, signed_off_at = excluded.signed_off_at,
        ai_assisted = excluded.ai_assisted, lines = excluded.lines`);
  }
}

/** Records the names seen per identity (latest wins). */
export async function upsertPeople(tx: Tx, orgId: string, people: Map<string, string>) {
  const rows = [...people.entries()];
  for (let i = 0; i < rows.length; i += batchRows) {
    await tx.run(sql`INSERT INTO history_identities (org_id, identity, name)
      SELECT ${orgId}, value->>0, value->>1 FROM json_each(${JSON.stringify(rows.slice(i, i + batchRows))}) WHERE true
      ON CONFLICT (org_id, identity) DO UPDATE SET name = excluded.name`);
  }
}

/** A roster employee_id for an identity: the identity itself, or a digest when longer than 64 characters. */
const employeeIdOf = (identity: string) =>
  identity.length <= 64 ? identity : `h:${createHash('sha256').update(identity).digest('hex').slice(0, 32)}`;

async function addDerivedRoster(tx: Tx, orgId: string, team: string, changes: ImportedChange[]) {
  if ((await tx.$count(engineers, eq(engineers.teamId, team))) > 0) return 0;
  const match = await loadIdentityMatcher(tx, orgId);
  const { levels } = await loadSettings(tx, orgId);
  const taken = new Set(
    (await tx.select({ id: engineers.externalId }).from(engineers).where(eq(engineers.orgId, orgId))).map(
      (e) => e.id,
    ),
  );
  const people = deriveRoster(changes, levels).filter(
    (p) => !match(p.identity) && !taken.has(employeeIdOf(p.identity)),
  );
  const headcount: Record<string, number> = {};
  for (const p of people) headcount[p.level] = (headcount[p.level] ?? 0) + 1;
  const rows = people.map((p) => [
    randomUUID(),
    employeeIdOf(p.identity),
    p.level,
    p.hireDate,
    JSON.stringify(p.identity.includes('@') ? [p.identity] : []),
    p.identity.startsWith('github:') ? p.identity.slice('github:'.length) : null,
  ]);
  await tx.run(sql`INSERT INTO engineers (id, org_id, team_id, external_id, level, hire_date, emails, github)
    SELECT value->>0, ${orgId}, ${team}, value->>1, value->>2, value->>3, value->>4, value->>5
    FROM json_each(${JSON.stringify(rows)})`);
  await tx.update(teams).set({ headcount }).where(eq(teams.id, team));
  return people.length;
}

/**
 * Stores one upload's changes in one transaction (all or nothing): the source (created on first
 * use, attached to `team` when given), every change replacing any earlier copy of itself (same
 * source and key), the names seen, and with `deriveRoster` the team's roster when it has none.
 * `matched`/`unmatched` count the upload's people against the roster and aliases afterwards;
 * `weeks`, `from` and `to` are in the org's time zone. `finish` runs last in the same transaction
 * (the import job ends as done together with what it stored).
 */
export async function storeHistory(
  db: Db,
  orgId: string,
  input: StoreInput,
  now: Date,
  actor: Actor,
  finish?: (tx: Tx, summary: ImportSummary) => Promise<void>,
): Promise<ImportSummary> {
  return db.transaction(async (tx) => {
    const team = input.team ? await teamId(tx, orgId, input.team) : null;
    const source = await sourceId(tx, orgId, input, team, now);
    await upsertChanges(tx, orgId, source, input.changes);
    await upsertPeople(tx, orgId, input.people);
    const derived = team && input.deriveRoster ? await addDerivedRoster(tx, orgId, team, input.changes) : 0;
    const match = await loadIdentityMatcher(tx, orgId);
    const matched = [...input.people.keys()].filter((identity) => match(identity)).length;
    const zone = await tx.select({ timeZone: orgs.timeZone }).from(orgs).where(eq(orgs.id, orgId)).get();
    const summary: ImportSummary = {
      commits: input.changes.length,
      people: input.people.size,
      matched,
      unmatched: input.people.size - matched,
      ...historySpan(input.changes, zone?.timeZone),
      derived,
    };
    await recordAudit(tx, actor, {
      orgId,
      action: 'import',
      entity: 'history',
      entityId: source,
      after: { kind: input.kind, source: input.source, team: input.team ?? null, ...summary },
    });
    await finish?.(tx, summary);
    return summary;
  });
}

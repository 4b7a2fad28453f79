import { eq } from 'drizzle-orm';
import { engineers, historyAliases, teams } from '../db/schema';
import type { Tx } from '../services/audit';

/** The roster row an identity belongs to. */
export interface MatchedPerson {
  employeeId: string;
  teamId: string;
  team: string;
  level: string;
}

/** Identity (lower-cased email or `github:<login>`) -> roster row; null when unmatched. */
export type IdentityMatcher = (identity: string) => MatchedPerson | null;

/**
 * Matches identities to the org's roster, case-insensitively: first the alias table (like git's
 * mailmap, identity -> employee_id), then the roster's `email` and `github` columns.
 */
export async function loadIdentityMatcher(db: Tx, orgId: string): Promise<IdentityMatcher> {
  const rows = await db
    .select({
      employeeId: engineers.externalId,
      teamId: engineers.teamId,
      team: teams.name,
      level: engineers.level,
      emails: engineers.emails,
      github: engineers.github,
    })
    .from(engineers)
    .innerJoin(teams, eq(teams.id, engineers.teamId))
    .where(eq(engineers.orgId, orgId));
  const byIdentity = new Map<string, MatchedPerson>();
  const byEmployee = new Map<string, MatchedPerson>();
  for (const { emails, github, ...person } of rows) {
    byEmployee.set(person.employeeId, person);
    for (const email of emails) byIdentity.set(email.toLowerCase(), person);
    if (github) byIdentity.set(`github:${github.toLowerCase()}`, person);
  }
  const aliases = await db
    .select({ identity: historyAliases.identity, employeeId: historyAliases.employeeId })
    .from(historyAliases)
    .where(eq(historyAliases.orgId, orgId));
  for (const alias of aliases) {
    const person = byEmployee.get(alias.employeeId);
    if (person) byIdentity.set(alias.identity, person);
  }
  return (identity) => byIdentity.get(identity.toLowerCase()) ?? null;
}

import { randomUUID } from 'node:crypto';
import type { Db } from '../../server/db/client';
import { teams } from '../../server/db/schema';

/** Team `i`'s name: zero-padded, so the forecast's team order (by name) is the index order. */
export const equalTeamName = (i: number) => `Team ${String(i).padStart(5, '0')}`;

/**
 * Inserts `count` teams of 10 engineers each (2 junior, 4 mid, 3 senior, 1 principal) into the
 * org, 500 rows a statement in one transaction (10,000 teams: the 100,000 engineers of #15's
 * large org); their ids in order.
 */
export async function insertEqualTeams(db: Db, orgId: string, count: number): Promise<string[]> {
  const headcount = { junior: 2, mid: 4, senior: 3, principal: 1 };
  const rows = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    orgId,
    name: equalTeamName(i),
    headcount,
  }));
  await db.transaction(async (tx) => {
    for (let at = 0; at < rows.length; at += 500) await tx.insert(teams).values(rows.slice(at, at + 500));
  });
  return rows.map((row) => row.id);
}

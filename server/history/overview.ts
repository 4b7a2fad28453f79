import { eq, sql } from 'drizzle-orm';
import type { HistoryOverview } from '../../shared/contract/history-imports';
import type { Db } from '../db/client';
import { historyChanges, historyIdentities, historySources, teams } from '../db/schema';
import { githubSettingsView } from './github-settings';
import { loadIdentityMatcher } from './identity-match';
import { latestImportJobs } from './import-jobs';
import { loadChanges } from './stored-changes';

type Unmatched = HistoryOverview['unmatched'][number];

/** Everyone in the org's history not matched to the roster, most changes first. */
export async function unmatchedIdentities(db: Db, orgId: string): Promise<Unmatched[]> {
  const match = await loadIdentityMatcher(db, orgId);
  const counts = new Map<string, Unmatched>();
  const count = (identity: string, field: 'authored' | 'signedOff' | 'reviewed') => {
    if (match(identity)) return;
    const entry = counts.get(identity) ?? {
      identity,
      name: identity,
      authored: 0,
      signedOff: 0,
      reviewed: 0,
    };
    entry[field]++;
    counts.set(identity, entry);
  };
  for (const change of await loadChanges(db, orgId)) {
    count(change.author, 'authored');
    if (change.signer) count(change.signer, 'signedOff');
    for (const reviewer of change.reviewers) count(reviewer, 'reviewed');
  }
  const names = await db
    .select({ identity: historyIdentities.identity, name: historyIdentities.name })
    .from(historyIdentities)
    .where(eq(historyIdentities.orgId, orgId));
  for (const { identity, name } of names) {
    const entry = counts.get(identity);
    if (entry) entry.name = name;
  }
  const total = (u: Unmatched) => u.authored + u.signedOff + u.reviewed;
  return [...counts.values()].sort((a, b) => total(b) - total(a) || (a.identity < b.identity ? -1 : 1));
}

/** The History page's header: sources and last imports, the latest jobs, unmatched identities. */
export async function historyOverview(db: Db, orgId: string): Promise<HistoryOverview> {
  const sources = await db
    .select({
      id: historySources.id,
      kind: historySources.kind,
      name: historySources.name,
      team: teams.name,
      lastImportAt: historySources.lastImportAt,
      changes: sql<number>`(SELECT count(*) FROM ${historyChanges} WHERE ${historyChanges.sourceId} = ${historySources.id})`,
    })
    .from(historySources)
    .leftJoin(teams, eq(teams.id, historySources.teamId))
    .where(eq(historySources.orgId, orgId))
    .orderBy(historySources.name);
  return {
    sources: sources.map((s) => ({ ...s, lastImportAt: s.lastImportAt?.toISOString() ?? null })),
    imports: await latestImportJobs(db, orgId),
    unmatched: await unmatchedIdentities(db, orgId),
    github: await githubSettingsView(db, orgId),
  };
}

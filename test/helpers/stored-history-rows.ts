import { asc } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { historyChanges } from '../../server/db/schema';

/** Every stored change as a comparable row (no row or source ids), in key order. */
export const storedRows = (db: Db) =>
  db
    .select({
      key: historyChanges.key,
      author: historyChanges.author,
      authorName: historyChanges.authorName,
      signer: historyChanges.signer,
      reviewers: historyChanges.reviewers,
      authoredAt: historyChanges.authoredAt,
      firstReviewAt: historyChanges.firstReviewAt,
      signedOffAt: historyChanges.signedOffAt,
      aiAssisted: historyChanges.aiAssisted,
      lines: historyChanges.lines,
    })
    .from(historyChanges)
    .orderBy(asc(historyChanges.key));

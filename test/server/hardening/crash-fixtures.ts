import { sql } from 'drizzle-orm';
import type { Db } from '../../../server/db/client';
import { createApiToken } from '../../../server/services/api-tokens';
import { systemActor } from '../../../server/services/audit';
import { streamRng } from '../../../shared/engine/rng';
import { type RunningServer, startServer } from '../../helpers/running-server';
import { planOfRecordDatabase } from '../alerts/process-fixtures';

/** SIGKILL trials per series. */
export const trials = 20;

/**
 * A trial series: the small demo-slug database of the alert process tests, an admin token, a
 * seeded delay source and `start`, which starts a server process on that database file (the
 * restart after a kill); `cleanup` SIGKILLs every process it started and deletes the database.
 */
export async function crashSeries(seed: number, env: Record<string, string> = {}) {
  const fixture = await planOfRecordDatabase();
  const { db } = fixture.database;
  const { token } = await createApiToken(
    db,
    { orgId: fixture.orgId, name: 'crash trials', role: 'admin' },
    systemActor,
  );
  const rng = streamRng(seed, 0, 0);
  const servers: RunningServer[] = [];
  const start = async () => {
    const server = await startServer({ ...fixture.env, ...env });
    servers.push(server);
    return server;
  };
  return {
    fixture,
    db,
    auth: { authorization: `Bearer ${token}` },
    /** Seeded pseudo-random delay in [0, spanMs). */
    delay: (spanMs: number) => Math.floor(rng.next() * spanMs),
    start,
    cleanup: async () => {
      await Promise.all(servers.map((s) => s.stop('SIGKILL')));
      fixture.cleanup();
    },
  };
}

export type CrashSeries = Awaited<ReturnType<typeof crashSeries>>;

/** `PRAGMA integrity_check`: 'ok' for a sound database file, else the problems it found. */
export async function integrityCheck(db: Db): Promise<string> {
  const rows = await db.all<{ integrity_check: string }>(sql`PRAGMA integrity_check`);
  return rows.map((r) => r.integrity_check).join('\n');
}

/**
 * Sends `request` and SIGKILLs `server` `delayMs` after sending; resolves once the process is
 * gone with whether the response came back first (its status) or the kill cut it off (null).
 */
export async function killDuring(
  server: RunningServer,
  delayMs: number,
  request: () => Promise<Response>,
): Promise<number | null> {
  const answered = request().then(
    (r) => r.status,
    () => null,
  );
  await new Promise((r) => setTimeout(r, delayMs));
  await server.stop('SIGKILL');
  return answered;
}

/** Wall time of `run` in ms. */
export async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

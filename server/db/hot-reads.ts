import Libsql from 'libsql';
import type { Role } from './schema';

/**
 * The lookups every authenticated API request makes before its handler runs: the API token by
 * prefix, the session by id hash, the org by slug with its model revision, the caller's active
 * membership. Through drizzle and @libsql/client each costs a statement prepare and two reads of
 * its columns on every call, about 0.3 ms of CPU: with two of them a cached capacity report
 * spent a third of its server CPU here (CPU profile at 200 connections). Here each is prepared
 * once, on a connection of its own to the same embedded file.
 *
 * Reads only: the connection never writes, so it never waits for the write lock the app's
 * connections take, and under WAL each statement reads the latest committed state (a write
 * committed by any connection or process before the lookup is seen, as through the client).
 */
export interface HotReads {
  /** The unrevoked API token with this prefix. */
  tokenByPrefix(prefix: string): HotToken | undefined;
  /** The session with this id hash. */
  sessionByHash(idHash: string): HotSession | undefined;
  /** The org with this slug and its model revision (0 before its first counted write). */
  orgBySlug(slug: string): HotOrg | undefined;
  /** The caller's role in the org, unless the membership is missing or deactivated. */
  activeRole(orgId: string, userId: string): Role | undefined;
  /**
   * SQLite's `PRAGMA data_version` on this connection: it changes once any other connection (of
   * this process or another) has committed a write to the file since the last call, and only
   * then, as this connection never writes.
   */
  dataVersion(): number;
  close(): void;
}

export interface HotToken {
  id: string;
  orgId: string;
  role: Role;
  secretHash: string;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
}

export interface HotSession {
  userId: string;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface HotOrg {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  revision: number;
}

const statements = {
  token: `SELECT id, org_id AS orgId, role, secret_hash AS secretHash, last_used_at AS lastUsedAt,
    expires_at AS expiresAt FROM api_tokens WHERE prefix = ? AND revoked_at IS NULL`,
  session: `SELECT user_id AS userId, last_seen_at AS lastSeenAt, expires_at AS expiresAt
    FROM sessions WHERE id_hash = ?`,
  org: `SELECT o.id, o.slug, o.name, o.time_zone AS timeZone, coalesce(r.revision, 0) AS revision
    FROM orgs o LEFT JOIN model_revisions r ON r.org_id = o.id WHERE o.slug = ?`,
  role: `SELECT role FROM memberships WHERE org_id = ? AND user_id = ? AND deactivated_at IS NULL`,
  dataVersion: 'PRAGMA data_version',
} as const;

/** Epoch milliseconds (the schema's timestamp columns) as a Date, null as null. */
const date = (ms: unknown): Date | null => (ms === null || ms === undefined ? null : new Date(Number(ms)));

/** Hot reads by the drizzle database (client.ts's `Db`) they were opened for. */
const registered = new WeakMap<object, HotReads>();

/** The hot reads opened for `db` (the database's own client), if its database is an embedded file. */
export const hotReadsOf = (db: object): HotReads | undefined => registered.get(db);

/**
 * Opens the hot reads of the embedded database file at `path` for `db`; statements are prepared
 * on first use (the tables exist once the migrations have run).
 */
export function openHotReads(db: object, path: string, busyTimeoutMs: number): HotReads {
  const connection = new Libsql(path, { timeout: busyTimeoutMs });
  const prepared = new Map<keyof typeof statements, Libsql.Statement<unknown[]>>();
  let dataVersionRow: Libsql.Statement<unknown[]> | undefined;
  /** A statement's row: its columns (the driver adds a `_metadata` field, dropped here). */
  const get = <T>(name: keyof typeof statements, ...params: unknown[]): T | undefined => {
    let statement = prepared.get(name);
    if (!statement) {
      statement = connection.prepare(statements[name]);
      prepared.set(name, statement);
    }
    const row = statement.get(...params) as (T & { _metadata?: unknown }) | null;
    if (!row) return undefined;
    delete row._metadata;
    return row;
  };
  const reads: HotReads = {
    tokenByPrefix(prefix) {
      const row = get<HotToken>('token', prefix);
      return row && { ...row, lastUsedAt: date(row.lastUsedAt), expiresAt: date(row.expiresAt) };
    },
    sessionByHash(idHash) {
      const row = get<HotSession>('session', idHash);
      return row && { ...row, lastSeenAt: date(row.lastSeenAt)!, expiresAt: date(row.expiresAt)! };
    },
    orgBySlug: (slug) => get<HotOrg>('org', slug),
    activeRole: (orgId, userId) => get<{ role: Role }>('role', orgId, userId)?.role,
    dataVersion() {
      // In raw mode (the row as an array): no row object with metadata to drop. Read for every
      // repeated report answered at once, it costs about 4 us instead of 7 (node 20, this machine).
      dataVersionRow ??= connection.prepare(statements.dataVersion).raw(true);
      return Number((dataVersionRow.get() as unknown[])[0]);
    },
    close() {
      registered.delete(db);
      connection.close();
    },
  };
  registered.set(db, reads);
  return reads;
}

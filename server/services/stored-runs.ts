import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Forecast } from '../../shared/index';
import type { Db } from '../db/client';
import { forecastRuns, forecastRunTeams } from '../db/schema';
import { notFound } from '../errors';
import type { Tx } from './audit';
import { type BodyEncoding, type ForecastMemo, type MemoRun, memoSeriesBytes } from './forecast-memo';
import { pullStream } from './pull-stream';
import {
  fromStoredSeries,
  type PackedTeams,
  parseTeamChunk,
  runBodyPieces,
  type StoredSeries,
} from './series-chunks';
import { parseDigestChunk, type TeamDigest, teamDigest } from './team-digests';

type RunRow = typeof forecastRuns.$inferSelect;

/** The columns of a run that {@link runView} shows. */
export const viewColumns = {
  id: forecastRuns.id,
  scenarioId: forecastRuns.scenarioId,
  version: forecastRuns.version,
  options: forecastRuns.options,
  createdAt: forecastRuns.createdAt,
  summary: forecastRuns.summary,
};

/** A stored run as the API shows it; `series` only when asked for (the full engine Forecast). */
export const runView = (
  row: Pick<RunRow, 'id' | 'scenarioId' | 'version' | 'options' | 'createdAt' | 'summary'>,
  cached: boolean,
) => ({
  id: row.id,
  scenarioId: row.scenarioId,
  version: row.version,
  options: row.options,
  cached,
  createdAt: row.createdAt.toISOString(),
  summary: row.summary,
});

/** Stores a run's team chunks with their digests (inside the caller's transaction, with the run row). */
export async function insertTeamChunks(tx: Tx, runId: string, { teamChunks, teamDigests }: PackedTeams) {
  for (const [chunk, teams] of teamChunks.entries()) {
    const digest = Buffer.from(teamDigests[chunk]!);
    await tx.insert(forecastRunTeams).values({ runId, chunk, teams: Buffer.from(teams), digest });
  }
}

/** Stored team chunk `chunk` of run `id` (undefined past the last). */
export async function storedTeamChunk(db: Db, id: string, chunk: number): Promise<Uint8Array | undefined> {
  const row = await db
    .select({ teams: forecastRunTeams.teams })
    .from(forecastRunTeams)
    .where(and(eq(forecastRunTeams.runId, id), eq(forecastRunTeams.chunk, chunk)))
    .get();
  return row?.teams;
}

/** How many team chunks run `id` has stored. */
export async function storedChunkCount(db: Db, id: string): Promise<number> {
  const row = await db
    .select({ chunks: count() })
    .from(forecastRunTeams)
    .where(eq(forecastRunTeams.runId, id))
    .get();
  return row?.chunks ?? 0;
}

/** The stored team chunks of run `id` in order, read one at a time (a large org's never all at once). */
export async function* storedTeamChunks(db: Db, id: string): AsyncGenerator<Uint8Array> {
  for (let chunk = 0; ; chunk++) {
    const teams = await storedTeamChunk(db, id, chunk);
    if (!teams) return;
    yield teams;
  }
}

/**
 * The digests of run `id`'s teams in order, a chunk at a time: each chunk's stored digest, or,
 * in a run stored before digests, its teams parsed (the chunk's bands, read only then).
 */
export async function* storedTeamDigests(db: Db, id: string): AsyncGenerator<TeamDigest[]> {
  for (let chunk = 0; ; chunk++) {
    const at = and(eq(forecastRunTeams.runId, id), eq(forecastRunTeams.chunk, chunk));
    const row = await db.select({ digest: forecastRunTeams.digest }).from(forecastRunTeams).where(at).get();
    if (!row) return;
    if (row.digest) yield await parseDigestChunk(row.digest);
    else yield (await parseTeamChunk((await storedTeamChunk(db, id, chunk))!)).map(teamDigest);
  }
}

/** The stored forecast of run `id` without its teams (weeks, levels, org bands). */
export async function storedSeriesHead(db: Db, id: string): Promise<Omit<Forecast, 'teams'>> {
  const row = await db
    .select({ series: forecastRuns.series })
    .from(forecastRuns)
    .where(eq(forecastRuns.id, id))
    .get();
  return row!.series;
}

/** The stored series of run `id`, parsed whole (orgs whose forecast fits in memory). */
export async function loadSeries(db: Db, id: string): Promise<Forecast> {
  const head = await storedSeriesHead(db, id);
  const chunks = await db
    .select({ teams: forecastRunTeams.teams })
    .from(forecastRunTeams)
    .where(eq(forecastRunTeams.runId, id))
    .orderBy(asc(forecastRunTeams.chunk))
    .all();
  return await fromStoredSeries(
    head,
    chunks.map((row) => row.teams),
  );
}

/** The stored head of run `id` as its JSON text, and the bytes of its team chunks. */
async function storedHeadJson(db: Db, id: string) {
  const row = await db
    .select({
      head: sql<string>`${forecastRuns.series}`,
      bytes: sql<number>`(select coalesce(sum(length(${forecastRunTeams.teams})), 0) from ${forecastRunTeams} where ${forecastRunTeams.runId} = ${forecastRuns.id})`,
    })
    .from(forecastRuns)
    .where(eq(forecastRuns.id, id))
    .get();
  return row!;
}

/** Pieces of a body joined into one buffer. */
async function joined(pieces: AsyncIterable<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = [];
  for await (const piece of pieces) parts.push(piece);
  return new Uint8Array(Buffer.concat(parts));
}

/** A run body: whole bytes (in the encoding asked for), or an identity stream (large orgs). */
export type RunBody =
  | { kind: 'bytes'; bytes: Uint8Array<ArrayBuffer>; encoding: BodyEncoding }
  | { kind: 'stream'; stream: ReadableStream<Uint8Array> };

/** The JSON body of a run just computed (its series still in memory): whole when small, else streamed. */
export async function freshRunBody(view: MemoRun['run'], series: StoredSeries): Promise<RunBody> {
  const pieces = runBodyPieces(view, series.headJson, series.teamChunks);
  const bytes = series.teamChunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  if (bytes > memoSeriesBytes) return { kind: 'stream', stream: pullStream(pieces) };
  return { kind: 'bytes', bytes: await joined(pieces), encoding: 'identity' };
}

/**
 * The JSON body (`ForecastRun` with `forecast`) of a stored run of the org: when its series is at
 * most `streamAbove` bytes of gzipped team chunks (default {@link memoSeriesBytes}), whole in
 * `encoding` from `memo` (built once); larger, streamed chunk by chunk as it is read. 404 for
 * another org's or an unknown run.
 */
export async function storedRunBody(
  db: Db,
  memo: ForecastMemo,
  orgId: string,
  run: MemoRun['run'] | string,
  encoding: BodyEncoding,
  streamAbove = memoSeriesBytes,
): Promise<RunBody> {
  const view = typeof run === 'string' ? await storedRunView(db, orgId, run) : run;
  const known = memo.knownBody(orgId, view.id, encoding);
  if (known) return { kind: 'bytes', bytes: known, encoding };
  const { head, bytes } = await storedHeadJson(db, view.id);
  const pieces = runBodyPieces(view, head, storedTeamChunks(db, view.id));
  if (bytes > streamAbove) return { kind: 'stream', stream: pullStream(pieces) };
  const body = await memo.body(orgId, view.id, encoding, () => joined(pieces));
  return { kind: 'bytes', bytes: body, encoding };
}

async function storedRunView(db: Db, orgId: string, id: string) {
  const row = await db
    .select(viewColumns)
    .from(forecastRuns)
    .where(and(eq(forecastRuns.id, id), eq(forecastRuns.orgId, orgId)))
    .get();
  if (!row) throw notFound('forecast run');
  return runView(row, true);
}

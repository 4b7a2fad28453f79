import { eq, sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Db } from '../db/client';
import { preparedQuery } from '../db/prepared';
import { modelRevisions } from '../db/schema';
import { canonicalJson } from './canonical-hash';
import { gzipped, type ResponseBytes, responseBytes } from './response-bytes';

/** A stored run as a request resolved it: what the responses need, without the series. */
export interface MemoRun {
  run: {
    id: string;
    scenarioId: string;
    version: number;
    options: Record<string, unknown>;
    cached: boolean;
    createdAt: string;
    summary: Record<string, unknown>;
  };
  /** Scenario name of the forecast version. */
  name: string;
  /** Capacity report rows, as stored with the run. */
  report: unknown;
}

/** What a forecast request resolves: one scenario (version) of one org, with resolved run options. */
export interface MemoRequest {
  orgId: string;
  scenarioId: string;
  version?: number | undefined;
  options: Record<string, unknown>;
}

/** Lookups remembered (small objects: ids, summary, report rows). */
const maxRuns = 256;
/** Response bodies remembered; a 40-team, 52-week, 500-run forecast is about 0.8 MB (0.3 MB gzipped). */
const maxBodies = 16;
const maxBodyBytes = 64 * 1024 * 1024;
/**
 * Largest stored (gzipped) team chunks of a run whose body is built whole and remembered, about
 * 25 MB of JSON (some 500 teams over 52 weeks); larger runs stream.
 */
export const memoSeriesBytes = 4 * 1024 * 1024;

/**
 * Remembers what cached forecast requests resolve to, so a repeated request skips loading,
 * validating and hashing the engine input, and parsing and re-serialising the stored series.
 *
 * - `runs`: (org, model revision, scenario, version, options) -> the stored run. The model
 *   revision (table `model_revisions`) is raised by database triggers on every write to the
 *   org's name, settings, teams, scenarios and versions, from any process, so a changed model
 *   or scenario misses. Only runs found or stored are remembered, never errors.
 * - `bodies`: run id -> the JSON body of that stored run with its series, as is and gzipped. Runs
 *   never change once stored, so an entry can never be stale.
 * - `texts` and `responses`: text, and response bytes with their ETags, built from a stored run
 *   or at a model revision (the key names which), such as the capacity report.
 *
 * All are bounded LRUs (lru-cache: entries, and bytes for bodies and responses; one larger than
 * the byte bound is not kept); one memo per app.
 */
export class ForecastMemo {
  private readonly runs = new LRUCache<string, MemoRun>({ max: maxRuns });
  private readonly texts = new LRUCache<string, string>({
    max: maxRuns,
    maxSize: maxBodyBytes,
    sizeCalculation: (text) => text.length || 1,
  });
  private readonly building = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  private readonly bodies = new LRUCache<string, Uint8Array<ArrayBuffer>>({
    max: maxBodies,
    maxSize: maxBodyBytes,
    sizeCalculation: (b) => b.byteLength,
  });
  private readonly responding = new Map<string, Promise<ResponseBytes>>();
  private readonly responses = new LRUCache<string, ResponseBytes>({
    max: maxRuns,
    maxSize: maxBodyBytes,
    sizeCalculation: (r) => r.identity.byteLength + r.gzip.byteLength,
  });

  /**
   * Text under `key`: remembered, else built now. The key must name all it depends on: a stored
   * run (runs never change once stored), or an org's model revision.
   */
  text(key: string, build: () => string): string {
    const known = this.remembered(key);
    if (known !== undefined) return known;
    const text = build();
    this.texts.set(key, text);
    return text;
  }

  /**
   * The response of the text `build` gives (or resolves to), as bytes and gzipped with their ETags: remembered under
   * `key` (which must name all the text depends on, as for {@link text}), else built once however
   * many requests ask at the same time.
   */
  response(key: string, build: () => string | Promise<string>): Promise<ResponseBytes> {
    return once(this.responses, this.responding, key, async () => responseBytes(await build()));
  }

  /**
   * The response bytes remembered under `key`, or being built (by {@link response}), if any: for
   * an answer that is streamed the first time and remembered once sent whole.
   */
  knownResponse(key: string): Promise<ResponseBytes> | undefined {
    const known = this.responses.get(key);
    return known ? Promise.resolve(known) : this.responding.get(key);
  }

  /** The text remembered under `key`, if any. */
  remembered(key: string): string | undefined {
    return this.texts.get(key);
  }

  /** The run `request` resolved to at `revision`, if remembered. */
  run(revision: number, request: MemoRequest): MemoRun | undefined {
    return this.runs.get(runKey(revision, request));
  }

  /** Remembers the run `request` resolved to at `revision` (read before the model was loaded). */
  rememberRun(revision: number, request: MemoRequest, run: MemoRun): void {
    this.runs.set(runKey(revision, request), run);
  }

  /** The body of stored run `runId` of `orgId` in `encoding`, if remembered. */
  knownBody(orgId: string, runId: string, encoding: BodyEncoding): Uint8Array<ArrayBuffer> | undefined {
    return this.bodies.get(bodyKey(orgId, runId, encoding));
  }

  /**
   * The JSON body of stored run `runId` of `orgId` in `encoding`: remembered, or built once (by
   * `build`, then gzipped on the libuv thread pool when asked for) however many requests ask at
   * the same time.
   */
  body(
    orgId: string,
    runId: string,
    encoding: BodyEncoding,
    build: () => Promise<Uint8Array<ArrayBuffer>>,
  ): Promise<Uint8Array<ArrayBuffer>> {
    return once(this.bodies, this.building, bodyKey(orgId, runId, encoding), () =>
      encoding === 'gzip' ? this.body(orgId, runId, 'identity', build).then(gzipped) : build(),
    );
  }
}

/**
 * The value under `key` in `cache`, else `make`'s, made once however many callers ask while it is
 * made (`pending`), then kept in `cache`.
 */
function once<T extends {}>(
  cache: LRUCache<string, T>,
  pending: Map<string, Promise<T>>,
  key: string,
  make: () => Promise<T>,
): Promise<T> {
  const known = cache.get(key);
  if (known) return Promise.resolve(known);
  let making = pending.get(key);
  if (!making) {
    making = make()
      .then((value) => {
        cache.set(key, value);
        return value;
      })
      .finally(() => pending.delete(key));
    pending.set(key, making);
  }
  return making;
}

/** How a body is sent: as is, or gzip-compressed (Content-Encoding). */
export type BodyEncoding = 'identity' | 'gzip';

const bodyKey = (orgId: string, runId: string, encoding: BodyEncoding) => `${orgId}\n${runId}\n${encoding}`;

const runKey = (revision: number, r: MemoRequest): string =>
  [r.orgId, revision, r.scenarioId, r.version ?? 'latest', canonicalJson(r.options)].join('\n');

const revisionOf = preparedQuery((db) =>
  db
    .select({ revision: modelRevisions.revision })
    .from(modelRevisions)
    .where(eq(modelRevisions.orgId, sql.placeholder('orgId')))
    .prepare(),
);

/** The org's model revision (0 before its first change); see {@link ForecastMemo}. */
export async function modelRevision(db: Db, orgId: string): Promise<number> {
  const row = await revisionOf(db).get({ orgId });
  return row?.revision ?? 0;
}

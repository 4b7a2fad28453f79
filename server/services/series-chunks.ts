import { promisify } from 'node:util';
import { gunzip, gzipSync } from 'node:zlib';
import { type Forecast, TEAM_CHUNK, type TeamForecast } from '../../shared/index';
import { jsonOnce } from './json-once';
import { teamDigest } from './team-digests';

/** A forecast's teams as stored: in compressed JSON chunks, each with the digests of its teams. */
export interface PackedTeams {
  /** The teams in order, {@link TEAM_CHUNK} to a chunk, each chunk the gzipped UTF-8 JSON array of its teams. */
  teamChunks: Uint8Array<ArrayBuffer>[];
  /** Per chunk, the gzipped UTF-8 JSON array of its teams' digests (see TeamDigest). */
  teamDigests: Uint8Array<ArrayBuffer>[];
}

/** A forecast as it is stored: without its teams as JSON text, and its teams packed (see {@link PackedTeams}). */
export interface StoredSeries extends PackedTeams {
  /** The forecast without `teams` (weeks, levels, org bands), as JSON text. */
  headJson: string;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const gunzipped = promisify(gunzip);

/**
 * Splits a forecast for storage (on an engine thread: compressing is CPU work). No text holds the
 * whole forecast: a 10,000-team, 52-week forecast is about 180-240 MB of JSON (179 MB one run,
 * 238 MB the mean path, measured 2026-12-02), and 20,000 teams over 104 weeks four times that,
 * beyond the longest string V8 allows (about 512 MB); gzip (level 1, the fastest) stores it in
 * a fraction of that.
 */
export const toStoredSeries = (forecast: Forecast): StoredSeries => {
  const { teams, ...head } = forecast;
  return { headJson: JSON.stringify(head), ...packTeams(teams) };
};

/** JSON array text, gzipped (level 1, the fastest). */
const packed = (items: readonly string[]): Uint8Array<ArrayBuffer> => {
  const zipped = gzipSync(encoder.encode(`[${items.join(',')}]`), { level: 1 });
  return new Uint8Array(zipped.buffer, zipped.byteOffset, zipped.byteLength) as Uint8Array<ArrayBuffer>;
};

/**
 * Teams as stored chunks and their digests: {@link TEAM_CHUNK} to a chunk from the first (a range
 * of whole chunks packs as the whole org's would); JSON.stringify's text, each band array written
 * as text once a chunk (jsonOnce; a digest's burnout series reuses its band's text, and twins
 * that share their bands, see shapeMeanSlice, share their text).
 */
export const packTeams = (teams: readonly TeamForecast[]): PackedTeams => {
  const packs: PackedTeams = { teamChunks: [], teamDigests: [] };
  for (let start = 0; start < teams.length; start += TEAM_CHUNK) {
    // Arrays written per team's bands: twins that share their bands (see shapeMeanSlice) share the texts.
    const seenOf = new Map<object, Map<unknown[], string>>();
    const texts = teams.slice(start, start + TEAM_CHUNK).map((team) => {
      let seen = seenOf.get(team.metrics);
      if (!seen) {
        seen = new Map();
        seenOf.set(team.metrics, seen);
      }
      return [jsonOnce(team, seen), jsonOnce(teamDigest(team), seen)] as const;
    });
    packs.teamChunks.push(packed(texts.map(([team]) => team)));
    packs.teamDigests.push(packed(texts.map(([, digest]) => digest)));
  }
  return packs;
};

/** The UTF-8 JSON array of a stored chunk: gunzipped (chunks stored before compression are plain JSON). */
export const teamChunkJson = async (chunk: Uint8Array): Promise<Uint8Array> =>
  chunk[0] === 0x1f && chunk[1] === 0x8b ? gunzipped(chunk) : chunk;

/** The teams of one stored chunk. */
export const parseTeamChunk = async (chunk: Uint8Array): Promise<TeamForecast[]> =>
  JSON.parse(decoder.decode(await teamChunkJson(chunk)));

/** The forecast of a stored head and its chunks (as objects: for orgs whose forecast fits in memory). */
export const fromStoredSeries = async (
  head: Omit<Forecast, 'teams'>,
  chunks: Iterable<Uint8Array>,
): Promise<Forecast> => {
  const teams: TeamForecast[] = [];
  for (const chunk of chunks) for (const team of await parseTeamChunk(chunk)) teams.push(team);
  return { ...head, teams };
};

/**
 * The JSON body of a run (its view, then `forecast`: the stored head with `teams` last) as byte
 * pieces, each chunk pulled from `chunks` and unpacked only when the previous one is out, so the
 * body is never one string nor all in memory.
 */
export async function* runBodyPieces(
  view: object,
  headJson: string,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  const open = `${JSON.stringify(view).slice(0, -1)},"forecast":${headJson.slice(0, -1)},"teams":[`;
  yield encoder.encode(open);
  let first = true;
  for await (const chunk of chunks) {
    const json = await teamChunkJson(chunk);
    if (json.byteLength <= 2) continue;
    if (!first) yield encoder.encode(',');
    first = false;
    yield json.subarray(1, json.byteLength - 1);
  }
  yield encoder.encode(']}}');
}

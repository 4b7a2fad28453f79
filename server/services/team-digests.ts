import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { type TeamFirstBreach, teamFirstBreach } from '../../shared/contract/team-tally';
import type { TeamForecast } from '../../shared/index';

/**
 * What the Dashboard reads of a stored team (its tally and the grouped burnout heat map): its
 * first breach, peak P50 burnout and P50 burnout per week. Stored with the run, one gzipped JSON
 * array per chunk of teams beside the chunk, so the Dashboard of a large org never parses every
 * team's bands (about 2.5% of a Monte Carlo team's JSON).
 */
export interface TeamDigest extends TeamFirstBreach {
  /** P50 burnout risk per week (index 0-100), as stored in the team's bands. */
  p50: number[];
}

const decoder = new TextDecoder();
const gunzipped = promisify(gunzip);

/** The {@link TeamDigest} of a team's forecast. */
export const teamDigest = (team: TeamForecast): TeamDigest => ({
  ...teamFirstBreach(team),
  p50: team.metrics.burnoutRisk.p50,
});

/** The digests of one stored digest chunk (gzipped UTF-8 JSON array). */
export const parseDigestChunk = async (chunk: Uint8Array): Promise<TeamDigest[]> =>
  JSON.parse(decoder.decode(await gunzipped(chunk)));

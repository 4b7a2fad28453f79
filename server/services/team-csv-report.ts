import type { ReportHead } from './capacity-report';
import type { ForecastMemo } from './forecast-memo';
import type { ResponseBytes } from './response-bytes';

/** The memo key of a team-grain CSV report: its head names the stored run, scenario version, horizon and runs. */
const keyOf = (head: ReportHead) => `capacity-team-csv\n${JSON.stringify(head)}`;

/**
 * The team-grain CSV report of `head` as bytes (with gzip and ETags) remembered from an earlier
 * answer, or being remembered, if any. The CSV depends only on the stored run the head names
 * (runs never change once stored) and on the head itself.
 */
export const rememberedTeamCsv = (
  memo: ForecastMemo | undefined,
  head: ReportHead,
): Promise<ResponseBytes> | undefined => memo?.knownResponse(keyOf(head));

/**
 * `pieces` of the team-grain CSV of `head`, passed on as produced; once the last has been taken
 * the whole text is remembered (gzipped on the libuv thread pool) for the next request. A client
 * that goes away before the end leaves nothing remembered.
 */
export function* rememberingTeamCsv(
  memo: ForecastMemo | undefined,
  head: ReportHead,
  pieces: Iterable<string>,
): Generator<string> {
  const sent: string[] = [];
  for (const piece of pieces) {
    sent.push(piece);
    yield piece;
  }
  // Not remembered when gzip fails: the next request streams the report again.
  memo?.response(keyOf(head), () => sent.join('')).catch(() => undefined);
}

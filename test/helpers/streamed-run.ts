import { get } from 'node:http';
import { Readable } from 'node:stream';

/** A streamed forecast run body read without holding it as one string: its head and its teams one by one. */
export interface StreamedRun {
  /** The run and its forecast, without `teams`. */
  head: { id: string; forecast: Record<string, unknown> };
  /** Every team's id, in order. */
  teamIds: string[];
  /** The first team, parsed. */
  firstTeam: { id: string; metrics: Record<string, { p10: number[] }> } | undefined;
  bytes: number;
}

const marker = ',"teams":[';

/**
 * Reads a forecast run body (`{...run, "forecast": {..., "teams": [...]}}`, teams last) as it
 * streams (the run's summary has a `teams` list of its own, so the forecast's is looked for after `"forecast":{`): the text before the teams array is kept and parsed with the two closing braces after
 * it; each team object is cut out by tracking nesting depth outside strings and parsed alone.
 */
export async function readStreamedRun(body: ReadableStream<Uint8Array>): Promise<StreamedRun> {
  const decoder = new TextDecoder();
  let prefix = '';
  let inTeams = false;
  let afterTeams = '';
  let done = false;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let team: string[] = [];
  let teamStart = -1;
  let bytes = 0;
  const teamIds: string[] = [];
  let firstTeam: StreamedRun['firstTeam'];
  const finishTeam = (text: string) => {
    const parsed = JSON.parse(text);
    teamIds.push(parsed.id);
    firstTeam ??= parsed;
  };
  for await (const piece of body) {
    bytes += piece.byteLength;
    let text = decoder.decode(piece, { stream: true });
    if (!inTeams) {
      prefix += text;
      const forecastAt = prefix.indexOf('"forecast":{');
      const at = forecastAt < 0 ? -1 : prefix.indexOf(marker, forecastAt);
      if (at < 0) continue;
      inTeams = true;
      text = prefix.slice(at + marker.length);
      prefix = prefix.slice(0, at);
    }
    if (done) {
      afterTeams += text;
      continue;
    }
    teamStart = depth > 0 ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === '\\') escaped = true;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{') {
        if (depth++ === 0) teamStart = i;
      } else if (ch === '}') {
        if (--depth === 0) {
          team.push(text.slice(teamStart, i + 1));
          finishTeam(team.join(''));
          team = [];
          teamStart = -1;
        }
      } else if (ch === ']' && depth === 0) {
        done = true;
        afterTeams = text.slice(i + 1);
        break;
      }
    }
    if (depth > 0 && teamStart >= 0) team.push(text.slice(teamStart));
  }
  const head = JSON.parse(prefix + afterTeams);
  return { head, teamIds, firstTeam, bytes };
}

/**
 * GET over node:http (identity encoding), the body as a stream. Not fetch: a client that parses
 * slowly leaves undici's parser paused, and when the server closes the idle kept-alive socket
 * (5 s after the last byte was written) undici fails the body with "other side closed" although
 * every byte arrived; node:http reads the rest before the end.
 */
export const getStream = (url: string, headers: Record<string, string>) =>
  new Promise<{ status: number; body: ReadableStream<Uint8Array> }>((resolve, reject) => {
    get(url, { headers }, (response) =>
      resolve({
        status: response.statusCode ?? 0,
        body: Readable.toWeb(response) as ReadableStream<Uint8Array>,
      }),
    ).on('error', reject);
  });

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teams } from '../../server/db/schema';
import { ForecastMemo } from '../../server/services/forecast-memo';
import { storedRunBody } from '../../server/services/stored-runs';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';
import { readStreamedRun } from '../helpers/streamed-run';

/** 600 teams: three stored chunks of 256, 256 and 88. */
const TEAMS = 600;

let server: AppServer;
let org: OrgFixture;
let runId: string;
const ids: string[] = [];

beforeAll(async () => {
  server = await startAppServer({ clock: () => new Date('2026-04-01T09:00:00Z') });
  org = await createOrgFixture(server.database.db, 'chunks');
  const rows = Array.from({ length: TEAMS }, (_, i) => {
    const id = randomUUID();
    ids.push(id);
    return {
      id,
      orgId: org.id,
      name: `Team ${String(i).padStart(3, '0')}`,
      headcount: { mid: 4, senior: 2 },
    };
  });
  await server.database.db.insert(teams).values(rows);
  const base = `${server.url}/api/v1/orgs/chunks`;
  const scenario = await (
    await sendJson(`${base}/scenarios`, 'POST', { name: 'Plan', events: [] }, bearer(org.tokens.planner))
  ).json();
  const run = await sendJson(
    `${base}/scenarios/${scenario.id}/forecast`,
    'POST',
    { runs: 0, horizon: 6 },
    bearer(org.tokens.planner),
  );
  runId = (await run.json()).id;
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe('a stored run body above the streaming size', () => {
  it('streams chunk by chunk the same JSON the whole body has, teams in order', async () => {
    const whole = await (
      await fetch(`${server.url}/api/v1/orgs/chunks/forecasts/${runId}`, {
        headers: bearer(org.tokens.viewer),
      })
    ).json();
    const body = await storedRunBody(server.database.db, new ForecastMemo(), org.id, runId, 'identity', 0);
    if (body.kind !== 'stream') throw new Error(`expected a stream, got ${body.kind}`);
    const pieces: string[] = [];
    const decoder = new TextDecoder();
    for await (const piece of body.stream) pieces.push(decoder.decode(piece, { stream: true }));
    // The opening, three chunks, two commas between them and the closing.
    expect(pieces).toHaveLength(1 + 3 + 2 + 1);
    expect(JSON.parse(pieces.join(''))).toEqual(whole);

    const again = await storedRunBody(server.database.db, new ForecastMemo(), org.id, runId, 'identity', 0);
    if (again.kind !== 'stream') throw new Error(`expected a stream, got ${again.kind}`);
    const parsed = await readStreamedRun(again.stream);
    expect(parsed.teamIds).toEqual(ids);
    expect(parsed.head.forecast.weeks).toHaveLength(6);
    expect(parsed.firstTeam).toEqual(whole.forecast.teams[0]);
  });

  it('is built whole when its chunks are within the size', async () => {
    const body = await storedRunBody(server.database.db, new ForecastMemo(), org.id, runId, 'identity');
    expect(body.kind).toBe('bytes');
  });
});

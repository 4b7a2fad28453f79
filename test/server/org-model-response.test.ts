import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createOrgFixture, type OrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

/**
 * GET /orgs/{org}/model as sent: the org's whole roster (1.2 MB of JSON for 10,000 teams), so
 * gzipped to a client that accepts it, with an ETag a browser revalidates with, and never an
 * answer older than the last write. Read with node:http, which does not decompress, so the test
 * sees the bytes on the wire.
 */
let server: AppServer;
let org: OrgFixture;

beforeAll(async () => {
  server = await startAppServer();
  org = await createOrgFixture(server.database.db, 'model');
  await sendJson(
    `${server.url}/api/v1/orgs/model/teams`,
    'POST',
    { name: 'Checkout', headcount: { mid: 4, senior: 2 } },
    bearer(org.tokens.admin),
  );
});
afterAll(async () => {
  await server.close();
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const getModel = (headers: Record<string, string>): Promise<Raw> =>
  new Promise((resolve, reject) => {
    const req = request(
      `${server.url}/api/v1/orgs/model/model`,
      { headers: { ...bearer(org.tokens.viewer), ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });

const teamNames = (json: Buffer) =>
  (JSON.parse(json.toString('utf8')) as { org: { teams: { name: string }[] } }).org.teams.map((t) => t.name);

describe('GET /orgs/{org}/model', () => {
  it('is gzipped to a client that accepts gzip and sent as is to one that does not, the same JSON', async () => {
    const zipped = await getModel({ 'accept-encoding': 'gzip' });
    const plain = await getModel({ 'accept-encoding': 'identity' });
    expect([zipped.status, plain.status]).toEqual([200, 200]);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(teamNames(plain.body)).toEqual(['Checkout']);
    expect(zipped.headers.etag).toMatch(/^"[\w-]+-gzip"$/);
  });

  it('answers 304 without a body to If-None-Match naming its ETag, asked twice (the second from the remembered answer)', async () => {
    const { headers } = await getModel({ 'accept-encoding': 'gzip' });
    for (let i = 0; i < 2; i++) {
      const again = await getModel({ 'accept-encoding': 'gzip', 'if-none-match': String(headers.etag) });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    }
  });

  it('after a write, answers the new model with a new ETag, not the remembered one', async () => {
    const before = await getModel({ 'accept-encoding': 'identity' });
    const created = await sendJson(
      `${server.url}/api/v1/orgs/model/teams`,
      'POST',
      { name: 'Search', headcount: { senior: 3 } },
      bearer(org.tokens.admin),
    );
    expect(created.status).toBe(201);
    const after = await getModel({
      'accept-encoding': 'identity',
      'if-none-match': String(before.headers.etag),
    });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(teamNames(after.body).sort()).toEqual(['Checkout', 'Search']);
  });
});

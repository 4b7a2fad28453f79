import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../server/db/schema';
import { bearer, createOrgFixture, sendJson } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';

/** Monte Carlo ranges of the model parameters over PATCH /orgs/{org}, and requests that change nothing. */
let server: AppServer;

beforeAll(async () => {
  server = await startAppServer();
});
afterAll(async () => {
  await server.close();
});

interface Parameter {
  name: string;
  value: number;
  uncertainty: [number, number] | null;
  range: { low: number; high: number } | null;
  rangeChanged: boolean;
}

/** A fresh org with its admin token, and requests as that admin. */
async function freshOrg(slug: string) {
  const org = await createOrgFixture(server.database.db, slug);
  const base = `${server.url}/api/v1/orgs/${slug}`;
  const headers = bearer(org.tokens.admin);
  const get = async (path: string) => (await fetch(base + path, { headers })).json();
  const catalogue = async () => (await get('/parameters')) as { items: Parameter[]; modelRevision: number };
  const auditRows = async () =>
    (await server.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.orgId, org.id)).get())!
      .n;
  return {
    id: org.id,
    get,
    catalogue,
    parameter: async (name: string) => (await catalogue()).items.find((p) => p.name === name)!,
    patch: (body: unknown) => sendJson(base, 'PATCH', body, headers),
    auditRows,
  };
}

describe('PATCH /orgs/{org} ranges', () => {
  it('sets a range in the parameter’s unit (stored as multipliers of the value), audits it, raises the model revision; null restores the default range', async () => {
    const org = await freshOrg('ranges-set');
    expect(await org.parameter('humanReviewHours')).toMatchObject({
      value: 0.8,
      uncertainty: [0.7, 1.4],
      range: { low: 0.56, high: 1.12 },
      rangeChanged: false,
    });
    const revision = (await org.catalogue()).modelRevision;
    const response = await org.patch({ ranges: { humanReviewHours: { low: 0.4, high: 1.6 } } });
    expect(response.status, await response.clone().text()).toBe(200);
    expect((await response.json()).modelRevision).toBeGreaterThan(revision);
    expect(await org.parameter('humanReviewHours')).toMatchObject({
      value: 0.8,
      uncertainty: [0.5, 2],
      range: { low: 0.4, high: 1.6 },
      rangeChanged: true,
    });
    expect((await org.get('/model')).parameters.uncertainty.humanReviewHours).toEqual([0.5, 2]);
    const entry = await server.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, org.id), eq(auditLog.entity, 'org-settings')))
      .get();
    expect(entry).toMatchObject({
      action: 'update',
      entity: 'org-settings',
      before: { parameters: {}, uncertainty: { humanReviewHours: [0.7, 1.4] } },
      after: { parameters: {}, uncertainty: { humanReviewHours: [0.5, 2] } },
    });

    expect((await org.patch({ ranges: { humanReviewHours: null } })).status).toBe(200);
    expect(await org.parameter('humanReviewHours')).toMatchObject({
      uncertainty: [0.7, 1.4],
      range: { low: 0.56, high: 1.12 },
      rangeChanged: false,
    });
  });

  it('gives a fixed parameter a range, and null makes it fixed again', async () => {
    const org = await freshOrg('ranges-fixed');
    expect(await org.parameter('shrinkage')).toMatchObject({ value: 0.13, range: null, uncertainty: null });
    expect((await org.patch({ ranges: { shrinkage: { low: 0.1, high: 0.2 } } })).status).toBe(200);
    const shrinkage = await org.parameter('shrinkage');
    expect(shrinkage).toMatchObject({ range: { low: 0.1, high: 0.2 }, rangeChanged: true });
    expect(shrinkage.uncertainty![0]).toBeCloseTo(0.1 / 0.13, 12);
    expect(shrinkage.uncertainty![1]).toBeCloseTo(0.2 / 0.13, 12);
    expect((await org.patch({ ranges: { shrinkage: null } })).status).toBe(200);
    expect(await org.parameter('shrinkage')).toMatchObject({
      range: null,
      uncertainty: null,
      rangeChanged: false,
    });
  });

  it('checks a range against the value set in the same request, and moves a stored range with a later value', async () => {
    const org = await freshOrg('ranges-value');
    const response = await org.patch({
      parameters: { humanReviewHours: 2 },
      ranges: { humanReviewHours: { low: 1, high: 3 } },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await org.parameter('humanReviewHours')).toMatchObject({
      value: 2,
      uncertainty: [0.5, 1.5],
      range: { low: 1, high: 3 },
    });
    expect((await org.patch({ parameters: { humanReviewHours: 4 } })).status).toBe(200);
    expect(await org.parameter('humanReviewHours')).toMatchObject({ range: { low: 2, high: 6 } });
  });

  it.each([
    [
      { ranges: { humanReviewHours: { low: 0.9, high: 1.2 } } },
      'ranges.humanReviewHours.low',
      'must be at most the value (0.8)',
    ],
    [
      { ranges: { humanReviewHours: { low: 0.5, high: 0.7 } } },
      'ranges.humanReviewHours.high',
      'must be at least the value (0.8)',
    ],
    [{ ranges: { humanReviewHours: { low: 0, high: 1 } } }, 'ranges.humanReviewHours.low', 'must be above 0'],
    [
      { ranges: { humanReviewHours: { low: 0.5, high: 9 } } },
      'ranges.humanReviewHours.high',
      'must be at most 10 × the value (8)',
    ],
    [
      { ranges: { humanReviewHours: { low: 'low', high: 1 } } },
      'ranges.humanReviewHours.low',
      'must be a number',
    ],
    [{ ranges: { humanReviewHours: { low: 0.5 } } }, 'ranges.humanReviewHours.high', 'must be a number'],
    [{ ranges: { reviewSpeed: { low: 1, high: 2 } } }, 'ranges.reviewSpeed', 'unknown field'],
    [
      { parameters: { shrinkage: 0 }, ranges: { shrinkage: { low: 0, high: 0.1 } } },
      'ranges.shrinkage',
      'the value is 0, so it cannot vary',
    ],
    [
      { parameters: { humanReviewHours: 2 }, ranges: { humanReviewHours: { low: 0.5, high: 1 } } },
      'ranges.humanReviewHours.high',
      'must be at least the value (2)',
    ],
  ])('refuses %j with 422 naming %s, storing nothing', async (body, path, message) => {
    const org = await freshOrg(`ranges-bad-${path.replaceAll('.', '-')}-${message.length}`);
    const before = await org.catalogue();
    const rows = await org.auditRows();
    const response = await org.patch(body);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect((await response.json()).errors).toEqual([{ path, message: expect.stringContaining(message) }]);
    expect(await org.catalogue()).toEqual(before);
    expect(await org.auditRows()).toBe(rows);
  });
});

describe('a PATCH that changes nothing', () => {
  it('on the default settings: neither raises the model revision nor writes an audit row', async () => {
    const org = await freshOrg('no-op-defaults');
    const before = await org.get('');
    const rows = await org.auditRows();
    const { items } = await org.catalogue();
    const response = await org.patch({
      timeZone: before.timeZone,
      levels: before.levels,
      parameters: Object.fromEntries(items.map((p) => [p.name, p.value])),
      ranges: Object.fromEntries(items.filter((p) => p.range).map((p) => [p.name, p.range])),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect((await response.json()).modelRevision).toBe(before.modelRevision);
    expect(await org.get('')).toEqual(before);
    expect(await org.auditRows()).toBe(rows);
  });

  it('repeating a change: the second one neither raises the model revision nor writes an audit row', async () => {
    const org = await freshOrg('no-op-repeat');
    const levels = [
      { id: 'junior', name: 'Associate', canSignOff: false, changesPerWeek: 2.5 },
      { id: 'mid', name: 'Mid-level', canSignOff: true, changesPerWeek: 3 },
      { id: 'senior', name: 'Senior', canSignOff: true, changesPerWeek: 3 },
      { id: 'principal', name: 'Principal', canSignOff: true, changesPerWeek: 2 },
    ];
    const change = {
      timeZone: 'Europe/Rome',
      levels,
      parameters: { shrinkage: 0.2, incidentHours: null },
      ranges: { adopterChangeMultiplier: { low: 1.21, high: 1.98 }, fatigueGain: { low: 0.06, high: 0.1 } },
    };
    const rows = await org.auditRows();
    const first = await org.patch(change);
    expect(first.status, await first.clone().text()).toBe(200);
    const changed = await org.get('');
    expect(await org.auditRows()).toBe(rows + 2);

    const again = await org.patch(change);
    expect(again.status).toBe(200);
    expect((await again.json()).modelRevision).toBe(changed.modelRevision);
    const { items } = await org.catalogue();
    const shown = await org.patch({
      ranges: Object.fromEntries(items.filter((p) => p.range).map((p) => [p.name, p.range])),
    });
    expect(shown.status).toBe(200);
    expect(await org.get('')).toEqual(changed);
    expect(await org.auditRows()).toBe(rows + 2);
  });
});

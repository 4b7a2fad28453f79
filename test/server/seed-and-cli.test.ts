import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/auth/passwords';
import { loadConfig } from '../../server/config';
import { auditLog, scenarios, scenarioVersions, users } from '../../server/db/schema';
import { ensureAdminUser } from '../../server/seed/admin';
import { seedDemoOrg } from '../../server/seed/seed';
import { resolveApiToken } from '../../server/services/api-tokens';
import { createTempDb, type TempDatabase } from '../helpers/temp-db';

const root = fileURLToPath(new URL('../..', import.meta.url));
let database: TempDatabase | undefined;
afterEach(() => {
  database?.cleanup();
  database = undefined;
});

describe('demo seed', () => {
  it('marks the seed story as plan of record beside a baseline, and seeds only once', async () => {
    database = await createTempDb();
    expect(await seedDemoOrg(database.db)).toBe(true);
    expect(await seedDemoOrg(database.db)).toBe(false);
    const rows = await database.db.select().from(scenarios);
    expect(rows.map((s) => [s.name.startsWith('Seed story'), s.planOfRecord]).sort()).toEqual([
      [false, false],
      [true, true],
    ]);
    expect(await database.db.$count(auditLog, eq(auditLog.action, 'seed'))).toBe(1);
  });

  it('dates the seed story from the seeding week, so its events lie ahead of the forecast', async () => {
    database = await createTempDb();
    await seedDemoOrg(database.db, new Date('2026-11-28T12:00:00Z'));
    const versions = await database.db.select().from(scenarioVersions);
    const story = versions.find((v) => v.body.name.startsWith('Seed story'));
    expect(story?.body.events.map((e) => [e.type, e.date])).toEqual([
      ['ai-adoption', '2026-12-07'],
      ['layoff', '2026-12-21'],
      ['review-policy', '2027-01-18'],
    ]);
  });

  it('creates the first admin with a generated password printed once, and nothing on the next start', async () => {
    database = await createTempDb();
    await seedDemoOrg(database.db);
    const config = loadConfig({}, 'test');
    const note = await ensureAdminUser(database.db, config);
    const password = /with password (\S+) /.exec(note ?? '')?.[1] ?? '';
    const admin = await database.db.select().from(users).get();
    expect(await verifyPassword(password, admin!.passwordHash)).toBe(true);
    expect(await ensureAdminUser(database.db, config)).toBeUndefined();
  });

  it('takes the admin from ADMIN_EMAIL and ADMIN_PASSWORD without printing the password', async () => {
    database = await createTempDb();
    await seedDemoOrg(database.db);
    const config = loadConfig({ ADMIN_EMAIL: 'Boss@Example.com', ADMIN_PASSWORD: 'twelve chars ok' }, 'test');
    const note = await ensureAdminUser(database.db, config);
    expect(note).not.toContain('twelve chars ok');
    const admin = await database.db.select().from(users).where(eq(users.email, 'boss@example.com')).get();
    expect(await verifyPassword('twelve chars ok', admin!.passwordHash)).toBe(true);
  });
});

describe('npm run token -- create', () => {
  it('prints a working token alone on the last line of stdout', async () => {
    database = await createTempDb();
    await seedDemoOrg(database.db);
    const result = spawnSync(
      'npm',
      ['run', '-s', 'token', '--', 'create', '--org', 'demo', '--role', 'viewer', '--name', 'ci'],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: database.url },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status, result.stderr).toBe(0);
    const token = result.stdout.trim().split('\n').at(-1) ?? '';
    expect(token).toMatch(/^rl_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
    expect((await resolveApiToken(database.db, token, new Date()))?.role).toBe('viewer');
  });

  it('exits 2 with the usage line for a bad role', () => {
    const result = spawnSync(
      'npm',
      ['run', '-s', 'token', '--', 'create', '--org', 'demo', '--role', 'boss'],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: npm run token');
  });
});

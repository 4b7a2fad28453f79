import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { requestLines } from '../../server/middleware/request-lines';
import { requestLog } from '../../server/middleware/request-log';
import { bearer, createOrgFixture } from '../helpers/api-fixture';
import { type AppServer, startAppServer } from '../helpers/app-server';
import { captureLog } from '../helpers/captured-log';

describe('request log', () => {
  let server: AppServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('writes one JSON line per request with its id, method, route, path, status and duration', async () => {
    const log = captureLog('info');
    server = await startAppServer({ logger: log.logger });
    const org = await createOrgFixture(server.database.db, 'logged');
    const sent = performance.now();
    const response = await fetch(`${server.url}/api/v1/orgs/logged/teams`, {
      headers: { ...bearer(org.tokens.viewer), 'x-request-id': 'trace-42' },
    });
    const roundTripMs = performance.now() - sent;
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('trace-42');
    const lines = log.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request',
      reqId: 'trace-42',
      method: 'GET',
      route: '/api/v1/orgs/:org/teams',
      path: '/api/v1/orgs/logged/teams',
      status: 200,
    });
    // Milliseconds to one decimal, within the client's own round trip.
    const durationMs = Number(lines[0]?.durationMs);
    expect(String(durationMs)).toMatch(/^\d+(\.\d)?$/);
    expect(durationMs).toBeLessThanOrEqual(roundTripMs + 0.05);
    expect(lines[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('logs at least the time the handler took: a handler that waits 40 ms logs 40 ms or more', async () => {
    const log = captureLog('info');
    const app = new Hono();
    app.use(...requestLog(log.logger));
    app.get('/slow', async (c) => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      return c.text('slow');
    });
    const sent = performance.now();
    await app.request('/slow');
    const roundTripMs = performance.now() - sent;
    const durationMs = Number(log.lines()[0]?.durationMs);
    // A timer may fire up to 1 ms early on some platforms.
    expect(durationMs).toBeGreaterThanOrEqual(39);
    expect(durationMs).toBeLessThanOrEqual(roundTripMs + 0.05);
  });

  it('replaces an X-Request-Id that is too long or holds other characters with a new UUID', async () => {
    const log = captureLog('info');
    server = await startAppServer({ logger: log.logger });
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const given of ['x'.repeat(129), 'has space', 'semi;colon']) {
      const response = await fetch(`${server.url}/api/v1/health`, { headers: { 'x-request-id': given } });
      expect(response.headers.get('x-request-id')).toMatch(uuid);
    }
    const accepted = await fetch(`${server.url}/api/v1/health`, {
      headers: { 'x-request-id': 'x'.repeat(128) },
    });
    expect(accepted.headers.get('x-request-id')).toBe('x'.repeat(128));
    expect(log.lines().map((line) => line.reqId)).toHaveLength(4);
  });

  it('logs the stack of a 500 under the request id and answers without it', async () => {
    const log = captureLog('info');
    server = await startAppServer({ logger: log.logger });
    const org = await createOrgFixture(server.database.db, 'broken');
    await server.database.client.execute('DROP TABLE teams');
    const response = await fetch(`${server.url}/api/v1/orgs/broken/teams`, {
      headers: { ...bearer(org.tokens.viewer), 'x-request-id': 'fail-1' },
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'The server could not complete the request.',
      instance: '/api/v1/orgs/broken/teams',
    });
    const failure = log.lines().find((line) => line.msg === 'unhandled error');
    expect(failure).toMatchObject({ level: 50, reqId: 'fail-1', path: '/api/v1/orgs/broken/teams' });
    expect(failure?.err).toMatchObject({ stack: expect.stringContaining('    at ') });
    expect(log.lines().find((line) => line.msg === 'request failed')).toMatchObject({
      level: 50,
      reqId: 'fail-1',
      status: 500,
    });
  });

  it('writes no request lines below LOG_LEVEL and none at all when silent', async () => {
    for (const level of ['warn', 'silent'] as const) {
      const log = captureLog(level);
      server = await startAppServer({ logger: log.logger });
      await fetch(`${server.url}/api/v1/health`);
      await fetch(`${server.url}/api/v1/no-such-route`);
      expect(log.lines()).toEqual([]);
      await server.close();
      server = undefined;
    }
  });
});

describe('LOG_LEVEL', () => {
  it('defaults to info and names the variable when it is not a level', () => {
    expect(loadConfig({}, 'test').logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'debug' }, 'test').logLevel).toBe('debug');
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' }, 'test')).toThrow(
      'LOG_LEVEL: must be one of silent, fatal, error, warn, info, debug, trace',
    );
  });
});

describe('log redaction', () => {
  it('replaces credentials at the top of a line and one object down', () => {
    const log = captureLog('info');
    log.logger.info(
      {
        password: 'hunter2-secret-value',
        headers: { authorization: 'Bearer rl_abc_def', cookie: 'rl_session=s3ss10n', 'x-csrf-token': 'c5rf' },
        body: { token: 'rl_tok_value', name: 'kept' },
      },
      'credentials',
    );
    const text = log.text();
    for (const secret of ['hunter2-secret-value', 'rl_abc_def', 's3ss10n', 'c5rf', 'rl_tok_value'])
      expect(text).not.toContain(secret);
    expect(log.lines()[0]).toMatchObject({
      password: '[Redacted]',
      headers: { authorization: '[Redacted]', cookie: '[Redacted]', 'x-csrf-token': '[Redacted]' },
      body: { token: '[Redacted]', name: 'kept' },
    });
  });

  it('writes a request line as the logger writes the same fields, but for the time; a 5xx as an error, "request failed"', () => {
    const log = captureLog('info');
    const lines = requestLines(log.logger);
    // Every key of a request line (RequestLine), with values that look like credentials or need escaping.
    const line = {
      reqId: 'rl_abc_def',
      method: 'GET',
      route: '/api/v1/orgs/:org/reports/capacity',
      path: '/api/v1/orgs/a"b\\c/reports/capacity',
      status: 200,
      durationMs: 1.5,
    };
    const failed = { ...line, status: 503, durationMs: 12 };
    log.logger.info(line, 'request');
    lines(line);
    log.logger.error(failed, 'request failed');
    lines(failed);
    log.logger.info({ token: 'rl_tok_value' }, 'not a request line');
    const time = /"time":"[^"]+"/;
    const [byPino, byLines, failedByPino, failedByLines, other] = log.text().split('\n');
    expect(byLines?.replace(time, '')).toBe(byPino?.replace(time, ''));
    expect(failedByLines?.replace(time, '')).toBe(failedByPino?.replace(time, ''));
    expect(JSON.parse(byLines ?? '')).toMatchObject({ level: 30, ...line, msg: 'request' });
    expect(JSON.parse(failedByLines ?? '')).toMatchObject({ level: 50, ...failed, msg: 'request failed' });
    expect(JSON.parse(other ?? '')).toMatchObject({ token: '[Redacted]' });
  });

  it('writes request lines at the levels the logger has enabled when each line is written', () => {
    const log = captureLog('error');
    const lines = requestLines(log.logger);
    const line = { reqId: 'r', method: 'GET', route: '/', path: '/', status: 200, durationMs: 1 };
    lines(line);
    lines({ ...line, status: 500 });
    log.logger.level = 'info';
    lines(line);
    log.logger.level = 'silent';
    lines({ ...line, status: 500 });
    expect(log.lines().map((written) => [written.level, written.status])).toEqual([
      [50, 500],
      [30, 200],
    ]);
  });
});

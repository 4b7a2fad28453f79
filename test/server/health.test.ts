import { afterEach, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from '../helpers/app-server';

describe('GET /api/v1/health', () => {
  let server: AppServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('answers 200 with status, db and version without credentials', async () => {
    server = await startAppServer();
    const response = await fetch(`${server.url}/api/v1/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok', version: 'test' });
  });

  it('answers 503 problem+json when the database cannot be reached', async () => {
    server = await startAppServer();
    server.database.client.close();
    const response = await fetch(`${server.url}/api/v1/health`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 503, title: 'Service Unavailable' });
  });

  it('answers unknown API paths with 404 problem+json', async () => {
    server = await startAppServer();
    const response = await fetch(`${server.url}/api/v1/no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});

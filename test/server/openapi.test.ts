import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions } from '../../server/middleware/permissions';
import { type AppServer, startAppServer } from '../helpers/app-server';

let server: AppServer;
beforeAll(async () => {
  server = await startAppServer();
});
afterAll(async () => {
  await server.close();
});

describe('GET /api/v1/openapi.json', () => {
  it('serves an OpenAPI 3.1 document without credentials that describes every org-scoped operation', async () => {
    const response = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe('3.1.0');
    const described = Object.entries(doc.paths as Record<string, object>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(described).toEqual(expect.arrayContaining(Object.keys(permissions)));
    expect(described).toEqual(expect.arrayContaining(['POST /auth/login', 'GET /health']));
    expect(doc.components.securitySchemes).toHaveProperty('bearer');
  });
});

describe('GET /api/docs', () => {
  it('serves a self-contained explorer that loads no external script or stylesheet', async () => {
    const response = await fetch(`${server.url}/api/docs`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('/api/v1/openapi.json');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\//);
  });
});

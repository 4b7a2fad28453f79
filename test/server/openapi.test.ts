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
  it('serves Swagger UI whose every script and stylesheet comes from this server', async () => {
    const response = await fetch(`${server.url}/api/docs`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).not.toMatch(/https?:\/\/|<script>|<style>/);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual([
      '/api/docs/swagger-ui.css',
      '/api/docs/swagger-ui-bundle.js',
      '/api/docs/explorer.js',
    ]);
    for (const asset of assets) {
      const file = await fetch(`${server.url}${asset}`);
      expect(file.status, asset).toBe(200);
      expect(file.headers.get('content-type'), asset).toMatch(/^text\/(css|javascript)/);
      expect((await file.text()).length, asset).toBeGreaterThan(40);
    }
    expect(await (await fetch(`${server.url}/api/docs/explorer.js`)).text()).toContain(
      '/api/v1/openapi.json',
    );
    expect((await fetch(`${server.url}/api/docs/package.json`)).status).toBe(404);
  });
});

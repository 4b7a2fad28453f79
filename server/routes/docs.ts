import { readFileSync } from 'node:fs';
import { Hono } from 'hono';
import type { Router } from '../openapi';

/** The OpenAPI 3.1 document of every route registered on `api`, with the auth schemes (call once: it registers them). */
export function openApiDocument(api: Router, version: string) {
  api.openAPIRegistry.registerComponent('securitySchemes', 'cookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'rl_session',
    description:
      'Browser session from POST /auth/login; unsafe methods also need X-CSRF-Token = rl_csrf cookie.',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'API token `rl_<prefix>_<secret>` (npm run token -- create ...).',
  });
  return api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Reviewload API',
      version,
      description: 'Review-capacity planning: teams, rosters, scenarios, forecasts and capacity reports.',
    },
    servers: [{ url: '/api/v1' }],
  });
}

const page = readFileSync(new URL('./docs-page.html', import.meta.url), 'utf8');

/** `/api/docs`: a self-contained API explorer (no external scripts) over /api/v1/openapi.json. */
export function docsRoutes() {
  return new Hono().get('/', (c) => {
    c.header(
      'content-security-policy',
      "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    return c.html(page);
  });
}

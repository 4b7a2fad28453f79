import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

/** The Swagger UI files served from node_modules/swagger-ui-dist, with their content types. */
const explorerFiles = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
} as const;

let folder: string | undefined;
/** node_modules/swagger-ui-dist, resolved on first use (no I/O at import time). */
const explorerFolder = () =>
  (folder ??= dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json')));

/** Starts Swagger UI on the API's document (a file, not inline: the page keeps `script-src 'self'`). */
const initScript = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#explorer', deepLinking: true });\n`;

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Reviewload API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="explorer"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/explorer.js"></script>
</body>
</html>
`;

/**
 * `/api/docs`: Swagger UI over /api/v1/openapi.json, every file from this server (swagger-ui-dist
 * in node_modules, nothing from a CDN), under the app's Content Security Policy. One static route
 * per file, not a `/:file` parameter beside `/explorer.js`: Hono's RegExpRouter cannot hold both,
 * and its SmartRouter then routed the whole app with the slower trie router (half the memory a
 * cached capacity report allocated per request went to its searches).
 */
export function docsRoutes() {
  const routes = new Hono()
    .get('/', (c) => c.html(page))
    .get('/explorer.js', (c) =>
      c.body(initScript, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
    );
  for (const [file, contentType] of Object.entries(explorerFiles)) {
    routes.get(`/${file}`, async (c) =>
      c.body(await readFile(join(explorerFolder(), file)), 200, {
        'content-type': contentType,
        'cache-control': 'public, max-age=86400',
      }),
    );
  }
  return routes;
}

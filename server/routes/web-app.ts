import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/**
 * Serves the built browser app from `webDist`: hashed assets with long caching, and
 * index.html for every other path so client-side routes survive a reload.
 */
export function webAppRoutes(webDist: string) {
  const root = resolve(webDist);
  return new Hono()
    .use('/assets/*', async (c, next) => {
      await next();
      if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable');
    })
    .use('/*', serveStatic({ root }))
    .get('/*', async (c) => {
      const html = await readFile(join(root, 'index.html'), 'utf8').catch(() => undefined);
      if (html === undefined) return c.text('The web app is not built: run `npm run build`.', 503);
      c.header('cache-control', 'no-cache');
      return c.html(html);
    });
}

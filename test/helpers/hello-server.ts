import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * A bare Hono hello-world on @hono/node-server, the baseline the API benchmark measures beside
 * the real routes: `tsx test/helpers/hello-server.ts` with PORT set; prints `listening` when ready.
 */
const app = new Hono().get('/hello', (c) => c.json({ hello: 'world' }));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' }, () =>
  console.log('listening'),
);

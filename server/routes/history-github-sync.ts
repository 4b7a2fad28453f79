import { z } from '@hono/zod-openapi';
import { githubSettingsInputSchema, githubSettingsSchema } from '../../shared/contract/history-imports';
import { actorOf } from '../context';
import type { AppDeps } from '../deps';
import { notFound } from '../errors';
import { githubSettingsView, saveGithubSettings } from '../history/github-settings';
import { startGithubSync } from '../history/github-sync-run';
import { createRouter } from '../openapi';
import { conflictResponse, jsonBody, jsonResponse, orgParams, orgRoute } from './route';

const tags = ['history'];

const getSettings = orgRoute('GET /orgs/{org}/history/github/settings', {
  tags,
  summary: 'GitHub sync settings and per-repository sync state (never the token); 404 until configured',
  request: { params: orgParams },
  responses: { 200: jsonResponse('The settings', githubSettingsSchema) },
});

const putSettings = orgRoute('PUT /orgs/{org}/history/github/settings', {
  tags,
  summary: 'Configure the live GitHub sync: API base URL, token (stored encrypted), repositories, schedule',
  request: { params: orgParams, body: jsonBody(githubSettingsInputSchema) },
  responses: { 200: jsonResponse('Saved', githubSettingsSchema) },
});

const sync = orgRoute('POST /orgs/{org}/history/github/sync', {
  tags,
  summary: 'Sync the configured repositories now (pull requests and reviews updated since the last sync)',
  request: { params: orgParams },
  responses: {
    202: jsonResponse('Started; poll the job', z.object({ job: z.string(), status: z.literal('running') })),
    409: { ...conflictResponse, description: 'Not configured, or a sync is already running' },
  },
});

/** Live GitHub sync: settings and sync on demand (admins). */
export function historyGithubSyncRoutes(deps: AppDeps) {
  return createRouter()
    .openapi(getSettings, async (c) => {
      const view = await githubSettingsView(deps.db, c.get('org').id);
      if (!view) throw notFound('GitHub sync configuration');
      return c.json(view, 200);
    })
    .openapi(putSettings, async (c) =>
      c.json(
        await saveGithubSettings(deps.db, c.get('org').id, c.req.valid('json'), {
          tokenKey: deps.config.github.tokenKey,
          now: deps.clock(),
          actor: actorOf(c.get('principal')),
        }),
        200,
      ),
    )
    .openapi(sync, async (c) => {
      const started = await startGithubSync(
        {
          db: deps.db,
          clock: deps.clock,
          logger: deps.logger!,
          tokenKey: deps.config.github.tokenKey,
          userAgent: `Reviewload/${deps.config.version}`,
        },
        c.get('org').id,
        actorOf(c.get('principal')),
        'manual',
      );
      started.done.catch(() => undefined);
      c.header('location', `${c.req.path.replace(/\/github\/sync$/, '')}/imports/${started.job}`);
      return c.json({ job: started.job, status: 'running' as const }, 202);
    });
}

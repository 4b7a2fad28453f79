import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { historyImportSummarySchema } from '../../shared/contract/history-imports';
import { actorOf } from '../context';
import type { AppDeps } from '../deps';
import { ProblemError } from '../errors';
import { importPullRequests } from '../history/github-upload';
import { createRouter } from '../openapi';
import { errorResponses, jsonResponse, orgParams, orgRoute } from './route';

/** Largest `gh pr list` upload: 50 MiB (5,000 pull requests with reviews are a few MiB). */
export const maxPullRequestBytes = 50 * 1024 * 1024;

const importGithub = orgRoute('POST /orgs/{org}/history/github', {
  tags: ['history'],
  summary:
    'Import pull requests from `gh pr list` JSON (all or nothing; idempotent per repository and number)',
  description:
    'The output of `gh pr list --state all --limit 5000 --json number,author,createdAt,mergedAt,closedAt,isDraft,labels,additions,deletions,reviews,reviewRequests` (add `body` to read AI co-author trailers). 422 lists the bad items by path, e.g. `[3].createdAt`.',
  request: {
    params: orgParams,
    query: z.object({
      repo: z
        .string()
        .regex(/^[\w.-]+\/[\w.-]+$/, { error: 'must be owner/repo' })
        .openapi({ example: 'octo/app' }),
      team: z.string().trim().min(1).max(120).optional(),
      deriveRoster: z.enum(['true', 'false']).optional(),
      includeBots: z.enum(['true', 'false']).optional(),
    }),
    body: {
      content: { 'application/json': { schema: z.array(z.record(z.string(), z.unknown())) } },
      required: true,
    },
  },
  responses: {
    200: jsonResponse(
      'Imported',
      historyImportSummarySchema.extend({
        abandoned: z.number().int().openapi({ description: 'Closed unmerged, never signed off' }),
      }),
    ),
    413: { ...errorResponses[422], description: 'Larger than 50 MiB' },
  },
});

/** Offline pull request upload. */
export function historyGithubRoutes(deps: AppDeps) {
  const router = createRouter();
  router.use(
    '/orgs/:org/history/github',
    bodyLimit({
      maxSize: maxPullRequestBytes,
      onError: () => {
        throw new ProblemError(413, 'Content Too Large', 'The pull request list is larger than 50 MiB.');
      },
    }),
  );
  return router.openapi(importGithub, async (c) => {
    const { repo, team, deriveRoster, includeBots } = c.req.valid('query');
    const result = await importPullRequests(
      deps.db,
      c.get('org').id,
      c.req.valid('json'),
      { repo, team, deriveRoster: deriveRoster === 'true', includeBots: includeBots === 'true' },
      deps.clock,
      actorOf(c.get('principal')),
    );
    return c.json(result, 200);
  });
}

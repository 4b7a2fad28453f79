import { z } from '@hono/zod-openapi';
import {
  historyImportJobSchema,
  historyImportSummarySchema,
  historyOverviewSchema,
} from '../../shared/contract/history-imports';
import { actorOf } from '../context';
import type { AppDeps } from '../deps';
import { ProblemError } from '../errors';
import { readGitUpload, storeGitUpload, tooLarge } from '../history/git-upload';
import { getImportJob } from '../history/import-jobs';
import { historyOverview } from '../history/overview';
import { TooLargeError } from '../history/read-git';
import { createRouter } from '../openapi';
import { gitImportQuery, rulesOf } from './history-schemas';
import { errorResponses, jsonResponse, orgIdParams, orgParams, orgRoute } from './route';

/** Uploads larger than this (Content-Length) answer 202 and are stored in the background. */
export const asyncUploadBytes = 16 * 1024 * 1024;

const tags = ['history'];
const gzipType = /^application\/(x-)?gzip\b/i;

const importGit = orgRoute('POST /orgs/{org}/history/git', {
  tags,
  summary: 'Import a git history (all or nothing; idempotent per source and commit)',
  description:
    "The output of `git log --no-merges --shortstat --format='%x1e%H%x1f%aN%x1f%aE%x1f%aI%x1f%cN%x1f%cE%x1f%cI%x1f%B%x1f'`, streamed: text/plain, or gzip as application/gzip or Content-Encoding: gzip; up to 200 MiB (HISTORY_UPLOAD_MAX_BYTES; larger: 413 naming `body` and the limit, nothing read further or stored). A malformed record answers 422 naming its record number (`line`) and field (`column`), and nothing is stored. Uploads over 16 MiB, or with `async=true`, answer 202 with a job to poll once read.",
  request: {
    params: orgParams,
    query: gitImportQuery,
    body: {
      content: {
        'text/plain': { schema: z.string() },
        'application/gzip': { schema: z.string().openapi({ format: 'binary' }) },
      },
      required: true,
    },
  },
  responses: {
    200: jsonResponse('Imported', historyImportSummarySchema),
    202: jsonResponse(
      'Read; being stored (poll the job)',
      z.object({ job: z.string(), status: z.literal('running') }),
    ),
    413: { ...errorResponses[422], description: 'Larger than HISTORY_UPLOAD_MAX_BYTES (200 MiB)' },
    415: { ...errorResponses[422], description: 'Neither text/plain nor gzip' },
  },
});

const job = orgRoute('GET /orgs/{org}/history/imports/{id}', {
  tags,
  summary: 'One import job: progress while running, then its summary or error',
  request: { params: orgIdParams },
  responses: { 200: jsonResponse('The job', historyImportJobSchema) },
});

const overview = orgRoute('GET /orgs/{org}/history', {
  tags,
  summary: 'History sources with their last import, the latest import jobs, and unmatched identities',
  request: { params: orgParams },
  responses: { 200: jsonResponse('The overview', historyOverviewSchema) },
});

async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** The problem, closing the connection: the rest of a refused body is not read. */
const withClose = (error: ProblemError) =>
  new ProblemError(error.status, error.title, error.detail, error.errors, { connection: 'close' });

/** Git history upload, import jobs and the overview. */
export function historyRoutes(deps: AppDeps) {
  return createRouter()
    .openapi(importGit, async (c) => {
      const type = c.req.header('content-type') ?? '';
      const gzip = gzipType.test(type) || /^gzip$/i.test(c.req.header('content-encoding') ?? '');
      if (!gzip && !/^text\/plain\b/i.test(type)) {
        throw new ProblemError(
          415,
          'Unsupported Media Type',
          'Send the history as text/plain or application/gzip.',
        );
      }
      const maxBytes = deps.config.history.uploadMaxBytes;
      if (Number(c.req.header('content-length') ?? 0) > maxBytes)
        throw withClose(tooLarge(new TooLargeError(maxBytes, 'upload')));
      const body = c.req.raw.body;
      if (!body) throw new ProblemError(422, 'Unprocessable Content', 'The body is empty.');
      const query = c.req.valid('query');
      const orgId = c.get('org').id;
      const upload = await readGitUpload(
        deps.db,
        orgId,
        chunksOf(body),
        { gzip, rules: rulesOf(query), maxBytes },
        deps.clock,
      ).catch((error: unknown) => {
        throw error instanceof ProblemError ? withClose(error) : error;
      });
      const options = { source: query.source, team: query.team, deriveRoster: query.deriveRoster === 'true' };
      const store = () =>
        storeGitUpload(deps.db, orgId, upload, options, deps.clock, actorOf(c.get('principal')));
      if (query.async === 'true' || Number(c.req.header('content-length') ?? 0) > asyncUploadBytes) {
        store().catch((error: Error) =>
          deps.logger?.error({ job: upload.job, err: error }, 'history import failed'),
        );
        c.header('location', `${c.req.path.replace(/\/git$/, '')}/imports/${upload.job}`);
        return c.json({ job: upload.job, status: 'running' as const }, 202);
      }
      const summary = await store();
      return c.json({ job: upload.job, ...summary, bots: upload.read.bots }, 200);
    })
    .openapi(job, async (c) =>
      c.json(await getImportJob(deps.db, c.get('org').id, c.req.valid('param').id), 200),
    )
    .openapi(overview, async (c) => c.json(await historyOverview(deps.db, c.get('org').id), 200));
}

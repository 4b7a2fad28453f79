import { z } from '@hono/zod-openapi';
import { forecastJobSchema } from '../../shared/contract/forecast-job';
import { actorOf } from '../context';
import type { ForecastDeps } from '../deps';
import { createRouter } from '../openapi';
import { getForecastJob } from '../services/forecast-jobs';
import { optionsSchema } from './forecasts';
import { jsonBody, jsonResponse, orgIdParams, orgParams, orgRoute } from './route';

const tags = ['forecasts'];

const start = orgRoute('POST /orgs/{org}/scenarios/{id}/forecast-jobs', {
  tags,
  summary: 'Forecast a scenario version in the background (large orgs); poll the job for progress',
  request: { params: orgIdParams, body: jsonBody(optionsSchema) },
  responses: { 201: jsonResponse('The queued job', forecastJobSchema) },
});
const read = orgRoute('GET /orgs/{org}/forecast-jobs/{jobId}', {
  tags,
  summary: 'A background forecast: status, slices done of total, and the run once done',
  request: { params: orgParams.extend({ jobId: z.string().min(1).max(64) }) },
  responses: { 200: jsonResponse('The job', forecastJobSchema) },
});

/** Background forecast jobs. */
export function forecastJobRoutes(deps: ForecastDeps) {
  return createRouter()
    .openapi(start, async (c) => {
      const org = c.get('org');
      const job = await deps.forecastJobs.start(org, actorOf(c.get('principal')), {
        scenarioId: c.req.valid('param').id,
        ...c.req.valid('json'),
      });
      return c.json(job, 201, { location: `/api/v1/orgs/${org.slug}/forecast-jobs/${job.id}` });
    })
    .openapi(read, async (c) =>
      c.json(await getForecastJob(deps.db, c.get('org').id, c.req.valid('param').jobId), 200),
    );
}

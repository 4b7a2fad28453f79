import { z } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { forecastRunSchema } from '../../shared/index';
import { type ApiEnv, actorOf } from '../context';
import type { ForecastDeps } from '../deps';
import { createRouter } from '../openapi';
import type { MemoRun } from '../services/forecast-memo';
import { defaultRuns, forecastScenario, maxRuns } from '../services/forecasts';
import { freshRunBody, type RunBody, storedRunBody } from '../services/stored-runs';
import { jsonBody, jsonResponse, orgIdParams, orgParams, orgRoute } from './route';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be an ISO date (YYYY-MM-DD)' });

/** Options of a forecast request (also a background job's). */
export const optionsSchema = z.strictObject({
  horizon: z.number().int().min(1).max(260).optional().openapi({ description: 'Weeks (default 52)' }),
  runs: z
    .number()
    .int()
    .min(0)
    .max(maxRuns)
    .optional()
    .openapi({ description: `Monte Carlo runs; 0 = mean path (default ${defaultRuns})` }),
  seed: z.number().int().min(0).max(4_294_967_295).optional(),
  startWeek: isoDate.optional().openapi({ description: 'Any date of the first week (default: this week)' }),
  version: z.number().int().min(1).optional().openapi({ description: 'Scenario version (default: latest)' }),
});

const runSchema = forecastRunSchema;

const tags = ['forecasts'];

const run = orgRoute('POST /orgs/{org}/scenarios/{id}/forecast', {
  tags,
  summary: 'Forecast a scenario version; an unchanged input returns the stored run (200, cached: true)',
  request: { params: orgIdParams, body: jsonBody(optionsSchema) },
  responses: {
    200: jsonResponse('Stored run', runSchema),
    201: jsonResponse('New run', runSchema),
  },
});
const read = orgRoute('GET /orgs/{org}/forecasts/{runId}', {
  tags,
  summary: 'A stored forecast run',
  request: { params: orgParams.extend({ runId: z.string().min(1).max(64) }) },
  responses: { 200: jsonResponse('The run', runSchema) },
});

/**
 * Whether an Accept-Encoding header admits gzip: listed (or `*` with gzip not listed) with a
 * q-value above 0. Browsers and fetch clients send it; a 40-team stored run is about 0.8 MB, 0.3 MB gzipped.
 */
export function acceptsGzip(header: string | undefined): boolean {
  // Clients send the same header on every request: the last one's answer is kept.
  if (header === lastEncodings) return lastAcceptsGzip;
  lastEncodings = header;
  lastAcceptsGzip = parsedAcceptsGzip(header);
  return lastAcceptsGzip;
}

let lastEncodings: string | undefined;
let lastAcceptsGzip = false;

function parsedAcceptsGzip(header: string | undefined): boolean {
  const q: Record<string, number> = {};
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim());
    const weight = params.find((p) => p.startsWith('q='));
    q[name] = weight ? Number(weight.slice(2)) : 1;
  }
  return (q.gzip ?? q['*'] ?? 0) > 0;
}

/** A run's JSON body, already serialised (or streaming), as the route's typed JSON response with `status`. */
const runResponse = <S extends 200 | 201>(body: RunBody, status: S) => {
  const headers: Record<string, string> = { 'content-type': 'application/json', vary: 'accept-encoding' };
  if (body.kind === 'bytes' && body.encoding === 'gzip') headers['content-encoding'] = 'gzip';
  const payload = body.kind === 'bytes' ? body.bytes : body.stream;
  return new Response(payload, { status, headers }) as Response &
    TypedResponse<JSONParsed<z.infer<typeof runSchema>>, S, 'json'>;
};

/**
 * A stored run (its series embedded as stored, not parsed and re-serialised), gzipped when the
 * client accepts it and the run is small enough to be remembered whole; larger runs stream.
 */
async function storedRunResponse(c: Context<ApiEnv>, deps: ForecastDeps, run: MemoRun['run'] | string) {
  const encoding = acceptsGzip(c.req.header('accept-encoding')) ? 'gzip' : 'identity';
  return runResponse(await storedRunBody(deps.db, deps.forecastMemo, c.get('org').id, run, encoding), 200);
}

/** Forecast runs. */
export function forecastRoutes(deps: ForecastDeps) {
  return createRouter()
    .openapi(run, async (c) => {
      const ctx = {
        db: deps.db,
        pool: deps.forecastPool,
        memo: deps.forecastMemo,
        inFlight: deps.runsInFlight,
        defaultRuns: deps.config.forecasts.defaultRuns,
        now: deps.clock(),
        actor: actorOf(c.get('principal')),
        signal: c.req.raw.signal,
      };
      const result = await forecastScenario(ctx, c.get('org'), {
        scenarioId: c.req.valid('param').id,
        ...c.req.valid('json'),
      });
      if (result.fresh) return runResponse(await freshRunBody(result.run, result.fresh), 201);
      return storedRunResponse(c, deps, result.run);
    })
    .openapi(read, (c) => storedRunResponse(c, deps, c.req.valid('param').runId));
}

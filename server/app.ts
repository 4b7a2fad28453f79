import type { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import type { ApiEnv } from './context';
import type { AppDeps, ForecastDeps } from './deps';
import { errorHandler, ProblemError } from './errors';
import { createLogger } from './logger';
import { authenticate } from './middleware/authenticate';
import { limitJsonBodies } from './middleware/body-limits';
import { eventLoopTurns } from './middleware/event-loop-turns';
import { orgScope } from './middleware/org-scope';
import { loginRateLimit, tokenRateLimit } from './middleware/rate-limits';
import { requestLog } from './middleware/request-log';
import { reusedResponses } from './middleware/reused-responses';
import { securityHeaders } from './middleware/security-headers';
import { settleUnreadBodies } from './middleware/unread-bodies';
import { createRouter } from './openapi';
import { alertHistoryRoutes } from './routes/alert-history';
import { alertRuleRoutes } from './routes/alert-rules';
import { auditRoutes } from './routes/audit';
import { authRoutes } from './routes/auth';
import { calibrationRoutes } from './routes/calibrations';
import { dashboardRoutes } from './routes/dashboard';
import { docsRoutes, openApiDocument } from './routes/docs';
import { forecastJobRoutes } from './routes/forecast-jobs';
import { forecastRoutes } from './routes/forecasts';
import { healthRoutes } from './routes/health';
import { historyRoutes } from './routes/history';
import { historyAliasRoutes } from './routes/history-aliases';
import { historyGithubRoutes } from './routes/history-github';
import { historyGithubSyncRoutes } from './routes/history-github-sync';
import { historyWeeklyRoutes } from './routes/history-weekly';
import { invitationRoutes } from './routes/invitations';
import { orgParameterRoutes } from './routes/org-parameters';
import { orgRoutes } from './routes/orgs';
import { reportRoutes } from './routes/reports';
import { rosterRoutes } from './routes/roster';
import { scenarioRoutes } from './routes/scenarios';
import { teamRoutes } from './routes/teams';
import { thresholdRoutes } from './routes/thresholds';
import { tokenRoutes } from './routes/tokens';
import { userRoutes } from './routes/users';
import { webAppRoutes } from './routes/web-app';
import { ForecastJobs } from './services/forecast-jobs';
import { ForecastMemo } from './services/forecast-memo';
import { type ForecastEngine, ForecastPool } from './services/forecast-pool';
import { RunClaims } from './services/run-claims';
import { RunsInFlight } from './services/runs-in-flight';

/**
 * The /api/v1 router: public routes (health, login, the OpenAPI document), then the org-scoped
 * resources behind authentication. Unknown paths fall through to the 404 in createApp.
 */
function apiRoutes(deps: ForecastDeps) {
  const api = createRouter();
  api.use('*', limitJsonBodies);
  api.route('/', healthRoutes(deps));
  api.use('/auth/login', loginRateLimit(deps));
  api.route('/', authRoutes(deps));
  api.use('/invitations/*', loginRateLimit(deps));
  api.use('/orgs/:org', authenticate(deps), orgScope(deps));
  api.use('/orgs/:org/*', authenticate(deps), orgScope(deps));
  api.use('/orgs/:org/tokens', tokenRateLimit(deps));
  /** Typed as plain routers: the union of every router's route schema is too large for the compiler. */
  const resources: ((deps: ForecastDeps) => OpenAPIHono<ApiEnv>)[] = [
    orgRoutes,
    orgParameterRoutes,
    auditRoutes,
    teamRoutes,
    rosterRoutes,
    scenarioRoutes,
    forecastRoutes,
    forecastJobRoutes,
    reportRoutes,
    dashboardRoutes,
    tokenRoutes,
    userRoutes,
    invitationRoutes,
    alertRuleRoutes,
    alertHistoryRoutes,
    historyRoutes,
    historyGithubRoutes,
    historyGithubSyncRoutes,
    historyWeeklyRoutes,
    historyAliasRoutes,
    calibrationRoutes,
    thresholdRoutes,
  ];
  for (const routes of resources) api.route('/', routes(deps));
  let document: ReturnType<typeof openApiDocument> | undefined;
  api.get('/openapi.json', (c) => {
    document ??= openApiDocument(api, deps.config.version);
    return c.json(document);
  });
  return api;
}

/**
 * The slice engine over Redis, its module (BullMQ, ioredis) loaded only when REDIS_URL is set, not
 * with every server start; it connects as soon as that load finishes.
 */
function redisSliceEngine(redisUrl: string, forecastPool: ForecastPool): ForecastEngine {
  const engine = import('./slices/redis-slice-engine').then(
    (m) => new m.RedisSliceEngine(redisUrl, forecastPool),
  );
  return { run: async (input, control) => (await engine).run(input, control) };
}

/**
 * Engine runs in flight in this process, claimed across the processes that share the database
 * (RunClaims), so every instance computes an input once between them.
 */
export const createRunsInFlight = (deps: Pick<AppDeps, 'db' | 'config' | 'clock'>) =>
  new RunsInFlight(
    new RunClaims({ db: deps.db, clock: deps.clock, staleMs: deps.config.forecasts.claimStaleMs }),
  );

/**
 * Background forecast jobs on the pool, or on slices over Redis when REDIS_URL is set; an input
 * already in flight (`runsInFlight`, shared with the app's requests) is waited for, not run again.
 */
export const createForecastJobs = (
  deps: Pick<AppDeps, 'db' | 'config' | 'clock'>,
  forecastPool: ForecastPool,
  runsInFlight: RunsInFlight,
) =>
  new ForecastJobs({
    db: deps.db,
    engine: deps.config.forecasts.redisUrl
      ? redisSliceEngine(deps.config.forecasts.redisUrl, forecastPool)
      : forecastPool,
    clock: deps.clock,
    inFlight: runsInFlight,
    timeoutMs: deps.config.forecasts.jobTimeoutMs,
    defaultRuns: deps.config.forecasts.defaultRuns,
  });

/** Composes the HTTP app: the API under /api/v1, its docs at /api/docs, the web app at `/`. No I/O at import time. */
export function createApp(deps: AppDeps) {
  const app = new Hono();
  const logger = deps.logger ?? createLogger(deps.config.logLevel);
  app.onError(errorHandler(logger));
  // First: a backlog is worked off a few ms per loop turn, so that new connections are accepted
  // meanwhile, however fast each answer is (see eventLoopTurns).
  app.use('*', eventLoopTurns());
  const reused = reusedResponses(deps.db, logger, deps.clock);
  app.use('/api/v1/*', reused.keep);
  app.use('*', ...requestLog(logger));
  app.use('*', settleUnreadBodies);
  app.use('*', securityHeaders);
  const forecastPool = deps.forecastPool ?? new ForecastPool(deps.config.forecasts);
  const forecastMemo = deps.forecastMemo ?? new ForecastMemo();
  const runsInFlight = deps.runsInFlight ?? createRunsInFlight(deps);
  const forecastJobs = deps.forecastJobs ?? createForecastJobs(deps, forecastPool, runsInFlight);
  const forecastDeps = { ...deps, logger, forecastPool, forecastMemo, forecastJobs, runsInFlight };
  app.route('/api/v1', apiRoutes(forecastDeps));
  app.route('/api/docs', docsRoutes());
  app.all('/api/*', (c) => {
    throw new ProblemError(404, 'Not Found', `No route for ${c.req.method} ${c.req.path}.`);
  });
  app.route('/', webAppRoutes(deps.config.webDist));
  // A repeated GET answered from memory at once, before the app and its queue (see reusedResponses).
  const fetch = app.fetch;
  app.fetch = (request, ...rest) => reused.answer(request) ?? fetch(request, ...rest);
  return app;
}

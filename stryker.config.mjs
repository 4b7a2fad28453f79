/**
 * `npm run mutation`: StrykerJS over the engine and the security-relevant server folders.
 * MUTATION_SCOPE=access|middleware|scheduler|server|engine limits a run to those files (each scope
 * runs only the tests that exercise it); the figures script keeps the other files' last figures. No type checker: TypeScript 7 ships no compiler API for
 * @stryker-mutator/typescript-checker, so mutants that do not type-check run like the others.
 */
/** Authentication, org scoping, roles, sessions and API tokens, against their own tests (see vitest.mutation.config.ts). */
const access = [
  'server/middleware/authenticate.ts',
  'server/middleware/org-scope.ts',
  'server/middleware/permissions.ts',
  'server/services/sessions.ts',
  'server/services/api-tokens.ts',
];
/** The rest of server/middleware: body limits, event-loop turns, rate limits, request log, security headers. */
const middleware = [
  'server/middleware/**/*.ts',
  ...access.filter((file) => file.startsWith('server/middleware/')).map((file) => `!${file}`),
];
const scheduler = ['server/scheduler/**/*.ts'];
// The middleware patterns first: their exclusions would otherwise drop the access files listed before them.
const server = [...middleware, ...access, ...scheduler];
const engine = ['shared/engine/**/*.ts'];
const scopes = { access, middleware, scheduler, server, engine, all: [...server, ...engine] };
const scope = process.env.MUTATION_SCOPE ?? 'all';
/** Names the report, event log and sandbox: the scope, or MUTATION_RUN for a re-check (`--mutate file:lines`) beside a running scope. */
const run = process.env.MUTATION_RUN ?? scope;

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: scopes[scope],
  // Every HTTP test passes the middleware while setting up, so each static mutant (a module-level
  // constant such as the permission table) would rerun every HTTP test of the scope: hours on two
  // cores. Server runs leave them out (reported apart); the permission table has its own
  // literal-table test (test/server/access-policy.test.ts).
  // MUTATION_STATIC=1 runs them anyway, for files whose behaviour is such a constant (the security
  // headers' policy, the body limit) with MUTATION_TESTS naming the few tests that cover them.
  ignoreStatic: process.env.MUTATION_STATIC === '1' ? false : scope !== 'engine',
  coverageAnalysis: 'perTest',
  concurrency: 1,
  timeoutMS: 20000,
  // One report per scope, so runs of different scopes can overlap; the event recorder writes each
  // mutant's result as it is tested (survivors can be triaged while a long run goes on).
  reporters: ['progress-append-only', 'json', 'event-recorder'],
  jsonReporter: { fileName: `reports/mutation/${run}.json` },
  eventReporter: { baseDir: `reports/mutation/events-${run}` },
  tempDirName: `.stryker-tmp/${run}`,
  // Another run's sandbox (.stryker-tmp/<run>) is not copied into this one's.
  ignorePatterns: ['docs', 'data', 'reports', 'coverage', 'test-results', '*.db*', '.stryker-tmp'],
  cleanTempDir: 'always',
  // The sandbox copies tsconfig.json as is: rewriting it needs the TypeScript 5 API, which 7 lacks.
  tsconfigFile: '',
};

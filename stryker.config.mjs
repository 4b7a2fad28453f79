/**
 * `npm run mutation`: StrykerJS over the engine and the security-relevant server folders.
 * MUTATION_SCOPE=server (or engine) limits a run to one side; the figures script keeps the other
 * side's last figures. No type checker: TypeScript 7 ships no compiler API for
 * @stryker-mutator/typescript-checker, so mutants that do not type-check run like the others.
 */
const server = [
  'server/middleware/**/*.ts',
  'server/services/sessions.ts',
  'server/services/api-tokens.ts',
  'server/scheduler/**/*.ts',
];
const engine = ['shared/engine/**/*.ts'];
/** Access control alone, against its own tests (see vitest.mutation.config.ts): minutes, not hours. */
const access = [
  'server/middleware/authenticate.ts',
  'server/middleware/org-scope.ts',
  'server/middleware/permissions.ts',
  'server/services/sessions.ts',
  'server/services/api-tokens.ts',
];
const scopes = { server, engine, access, all: [...server, ...engine] };
const scope = process.env.MUTATION_SCOPE ?? 'all';

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  mutate: scopes[scope],
  // Every HTTP test passes the middleware while setting up, so each static mutant (a module-level
  // constant such as the permission table) would rerun the whole HTTP suite: over a day on two
  // cores. Server runs leave them out (reported apart); the permission table has its own
  // literal-table test (test/server/access-policy.test.ts).
  ignoreStatic: scope === 'server',
  coverageAnalysis: 'perTest',
  concurrency: 1,
  timeoutMS: 20000,
  reporters: ['progress-append-only', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['docs', 'data', 'reports', 'coverage', 'test-results', '*.db*'],
  cleanTempDir: 'always',
  // The sandbox copies tsconfig.json as is: rewriting it needs the TypeScript 5 API, which 7 lacks.
  tsconfigFile: '',
};

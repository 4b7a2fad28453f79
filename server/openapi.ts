import { OpenAPIHono } from '@hono/zod-openapi';
import { formatIssues } from '../shared/index';
import type { ApiEnv } from './context';
import { ProblemError } from './errors';

/**
 * A router whose request validation failures become problem+json: 422 for a body that parses
 * but breaks the schema, 400 for bad path or query parameters; `errors` names each field.
 */
export function createRouter() {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const status = result.target === 'json' ? 422 : 400;
      const where = result.target === 'json' ? 'request body' : `${result.target} parameters`;
      throw new ProblemError(
        status,
        status === 422 ? 'Unprocessable Content' : 'Bad Request',
        `The ${where} is invalid.`,
        formatIssues(result.error),
      );
    },
  });
}

export type Router = ReturnType<typeof createRouter>;

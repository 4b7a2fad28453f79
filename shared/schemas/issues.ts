import type { z } from 'zod';

/** One validation problem: `path` like `scenario.events[2].percent`, `message` the rule broken. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Formats a zod path as `a.b[2].c`. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');

/**
 * Flattens a zod error into field issues, e.g. `{ path: 'scenario.events[2].percent', message:
 * 'must be between 0 and 100' }`. Unknown fields (strict objects) get one issue each, at the
 * field's own path: `{ path: 'options.extra', message: 'unknown field' }`.
 */
export const formatIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown field' }))
      : [{ path: formatPath(issue.path), message: issue.message }],
  );

/** One line per issue: `path: message`. */
export const describeIssues = (error: z.ZodError): string =>
  formatIssues(error)
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ');

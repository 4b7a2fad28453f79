import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import { problemSchema } from '../../shared/contract/problem';
import { requireRole } from '../middleware/org-scope';
import { type OperationKey, permissions } from '../middleware/permissions';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Either a session cookie or a bearer token. */
export const security: Record<string, string[]>[] = [{ cookie: [] }, { bearer: [] }];

const problemContent = { 'application/problem+json': { schema: problemSchema } };

/** The error responses every authenticated operation can give. */
export const errorResponses = {
  400: { description: 'Bad path or query parameter', content: problemContent },
  401: { description: 'No or invalid credentials', content: problemContent },
  403: { description: 'Role too low, or missing CSRF token', content: problemContent },
  404: { description: 'Unknown here, or another org’s', content: problemContent },
  422: { description: 'Invalid request body', content: problemContent },
} as const;

/** 409 for a write that clashes with existing data. */
export const conflictResponse = {
  description: 'Clashes with existing data',
  content: problemContent,
} as const;

export const orgParams = z.object({ org: z.string().min(1).max(64).openapi({ example: 'demo' }) });
export const orgIdParams = orgParams.extend({ id: z.string().min(1).max(64) });

/** `limit` (1-200, default 50) and an opaque `cursor` from the previous page's `nextCursor`. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** A JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
});

/** A JSON response. */
export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});

/** 304 to a GET whose If-None-Match names the ETag of the answer it would get. */
export const notModifiedResponse = { description: 'Unchanged since the ETag named in If-None-Match' };

/** A page of a list: `{ items, nextCursor }`. */
export const pageResponse = <T extends z.ZodType>(description: string, item: T) =>
  jsonResponse(description, z.object({ items: z.array(item), nextCursor: z.string().nullable() }));

/**
 * An org-scoped operation: method and path come from its key in the permission table, and the
 * role check from its value, so the table and the routes cannot drift apart. The common error
 * responses (400, 401, 403, 404, 422) are added to every operation.
 */
export function orgRoute<const C extends Omit<RouteConfig, 'method' | 'path' | 'middleware'>>(
  key: OperationKey,
  config: C,
) {
  const [method, path] = key.split(' ') as [string, string];
  return createRoute({
    ...config,
    responses: { ...errorResponses, ...config.responses },
    method: method.toLowerCase() as Method,
    path,
    middleware: [requireRole(permissions[key])] as const,
    security,
  });
}

export { roleSchema } from '../../shared/contract/people';

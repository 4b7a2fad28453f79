/** One problem the API reported with a field, or with a line and column of an uploaded file. */
export interface FieldProblem {
  path?: string;
  line?: number;
  column?: string;
  message: string;
}

/** An RFC 9457 problem+json answer (or a network failure, status 0), with its field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldProblem[] = [],
  ) {
    super(detail ?? title);
    this.name = 'ApiError';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Reads a failed response as an ApiError, whatever its body. */
export async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!isRecord(body)) return new ApiError(response.status, response.statusText || 'Request failed', text);
  const errors = Array.isArray(body.errors) ? body.errors.filter(isRecord).map(toFieldProblem) : [];
  return new ApiError(
    response.status,
    typeof body.title === 'string' ? body.title : response.statusText,
    typeof body.detail === 'string' ? body.detail : undefined,
    errors,
  );
}

const toFieldProblem = (raw: Record<string, unknown>): FieldProblem => ({
  message: typeof raw.message === 'string' ? raw.message : 'invalid',
  ...(typeof raw.path === 'string' ? { path: raw.path } : {}),
  ...(typeof raw.line === 'number' ? { line: raw.line } : {}),
  ...(typeof raw.column === 'string' ? { column: raw.column } : {}),
});

/** A one-line message for an error of any kind. */
export const messageOf = (error: unknown): string =>
  error instanceof ApiError || error instanceof Error ? error.message : String(error);

import { z } from '@hono/zod-openapi';
import { defaultHistoryRules, type HistoryRules } from '../history/rules';

const isPattern = (source: string) => {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
};

const keyList = z
  .string()
  .max(500)
  .regex(/^[A-Za-z0-9-]+(,[A-Za-z0-9-]+)*$/, { error: 'must be trailer keys separated by commas' });
const flag = z.enum(['true', 'false']).optional();

/** Options of a git history upload, as query parameters. */
export const gitImportQuery = z.object({
  source: z.string().trim().min(1).max(120).default('git').openapi({
    description: 'Name of the history source (one per repository); imports are idempotent per source',
  }),
  team: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .optional()
    .openapi({ description: 'Attach every change to this team (created if missing)' }),
  deriveRoster: flag.openapi({ description: 'Build the team’s roster from the history when it has nobody' }),
  async: flag.openapi({
    description: 'Answer 202 with the job once the upload is read, and store in the background',
  }),
  includeBots: flag.openapi({ description: 'Keep bot authors (left out by default)' }),
  reviewTrailers: keyList.optional().openapi({ description: 'Default: Reviewed-by,Acked-by' }),
  aiTrailers: keyList.optional().openapi({ description: 'Default: Assisted-by,Co-authored-by,Generated-by' }),
  aiTool: z
    .string()
    .max(500)
    .refine(isPattern, { error: 'must be a regular expression' })
    .optional()
    .openapi({ description: 'Case-insensitive regular expression naming AI tools in AI trailers' }),
});

/** The import rules a query asks for, on top of the defaults. */
export function rulesOf(query: z.infer<typeof gitImportQuery>): HistoryRules {
  const keys = (list: string | undefined, fallback: string[]) => list?.toLowerCase().split(',') ?? fallback;
  return {
    ...defaultHistoryRules,
    reviewTrailers: keys(query.reviewTrailers, defaultHistoryRules.reviewTrailers),
    aiTrailers: keys(query.aiTrailers, defaultHistoryRules.aiTrailers),
    aiTool: query.aiTool ? new RegExp(query.aiTool, 'i') : defaultHistoryRules.aiTool,
    includeBots: query.includeBots === 'true',
  };
}

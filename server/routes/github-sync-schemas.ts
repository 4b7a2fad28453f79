import { z } from '@hono/zod-openapi';

const repoName = z
  .string()
  .regex(/^[\w.-]+\/[\w.-]+$/, { error: 'must be owner/repo' })
  .openapi({ example: 'octo/app' });

/** PUT body of the GitHub sync settings. */
export const githubSettingsInputSchema = z
  .object({
    baseUrl: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .max(500)
      .openapi({
        description: 'REST API root; GitHub Enterprise Server: https://HOST/api/v3',
        example: 'https://api.github.com',
      }),
    token: z.string().min(1, { error: 'must not be empty' }).max(500).nullable().optional().openapi({
      description: 'Stored encrypted; omit to keep the stored one, null to remove it. Never returned.',
    }),
    schedule: z.string().max(100).nullable().openapi({
      description: 'Cron expression (croner) for scheduled syncs; null = on demand only',
      example: '0 * * * *',
    }),
    timezone: z.string().max(64).default('UTC'),
    repositories: z
      .array(z.object({ repo: repoName, team: z.string().trim().min(1).max(120).nullable().optional() }))
      .max(200)
      .refine((list) => new Set(list.map((r) => r.repo.toLowerCase())).size === list.length, {
        error: 'lists a repository twice',
      }),
  })
  .openapi('GithubSettingsInput');

/** The settings and per-repository sync state (never the token). */
export const githubSettingsSchema = z
  .object({
    baseUrl: z.string(),
    tokenSet: z.boolean(),
    schedule: z.string().nullable(),
    timezone: z.string(),
    nextSyncAt: z.string().nullable(),
    lastSyncAt: z.string().nullable(),
    repositories: z.array(
      z.object({
        repo: z.string(),
        team: z.string().nullable(),
        lastSyncAt: z.string().nullable(),
        lastStatus: z.enum(['ok', 'unchanged', 'failed']).nullable(),
        lastError: z.string().nullable(),
        pullsRead: z.number().int(),
        syncedThrough: z.string().nullable().openapi({ description: 'Newest pull request update synced' }),
        resumePage: z
          .number()
          .int()
          .nullable()
          .openapi({ description: 'An interrupted sync resumes at this page' }),
      }),
    ),
  })
  .openapi('GithubSettings');

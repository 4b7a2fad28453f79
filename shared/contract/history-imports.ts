import { z } from 'zod';

const repoName = z
  .string()
  .regex(/^[\w.-]+\/[\w.-]+$/, { error: 'must be owner/repo' })
  .meta({ example: 'octo/app' });

/** PUT body of the GitHub sync settings; `token` omitted keeps the stored one, null removes it. */
export const githubSettingsInputSchema = z
  .object({
    baseUrl: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .max(500)
      .meta({
        description: 'REST API root; GitHub Enterprise Server: https://HOST/api/v3',
        example: 'https://api.github.com',
      }),
    token: z.string().min(1, { error: 'must not be empty' }).max(500).nullable().optional().meta({
      description: 'Stored encrypted; omit to keep the stored one, null to remove it. Never returned.',
    }),
    schedule: z.string().max(100).nullable().meta({
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
  .meta({ id: 'GithubSettingsInput' });

/** The settings and per-repository sync state (never the token, only whether one is stored). */
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
        syncedThrough: z.string().nullable().meta({ description: 'Newest pull request update synced' }),
        resumePage: z
          .number()
          .int()
          .nullable()
          .meta({ description: 'An interrupted sync resumes at this page' }),
      }),
    ),
  })
  .meta({ id: 'GithubSettings' });

/** The summary of a finished import. */
export const historyImportSummarySchema = z
  .object({
    job: z.string(),
    commits: z.number().int(),
    people: z.number().int(),
    matched: z.number().int(),
    unmatched: z.number().int(),
    weeks: z.number().int(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    derived: z.number().int().meta({ description: 'Roster rows created by deriveRoster' }),
    bots: z.number().int(),
  })
  .meta({ id: 'HistoryImportSummary' });

/** An import job (an async upload or a GitHub sync). */
export const historyImportJobSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['git', 'github']),
    status: z.enum(['running', 'done', 'failed']),
    bytesRead: z.number().int(),
    changesRead: z.number().int(),
    result: z.record(z.string(), z.unknown()).nullable(),
    error: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'HistoryImportJob' });

/** GET /history: sources, latest imports, people not matched to the roster, the GitHub sync (null when not configured). */
export const historyOverviewSchema = z
  .object({
    sources: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        name: z.string(),
        team: z.string().nullable(),
        lastImportAt: z.string().nullable(),
        changes: z.number().int(),
      }),
    ),
    imports: z.array(historyImportJobSchema),
    unmatched: z.array(
      z.object({
        identity: z.string(),
        name: z.string(),
        authored: z.number().int(),
        signedOff: z.number().int(),
        reviewed: z.number().int(),
      }),
    ),
    github: githubSettingsSchema.nullable(),
  })
  .meta({ id: 'HistoryOverview' });

/** POST /history/aliases: maps an identity to a roster employee_id (like a mailmap line). */
export const historyAliasSchema = z
  .strictObject({
    identity: z.string().trim().min(1).max(320).meta({
      description: 'An email or github:<login>, matched case-insensitively',
      example: 'ann@old.example',
    }),
    employeeId: z.string().trim().min(1).max(64).meta({ example: 'E1' }),
  })
  .meta({ id: 'HistoryAlias' });

export type GithubSettingsInput = z.input<typeof githubSettingsInputSchema>;
export type GithubSettings = z.infer<typeof githubSettingsSchema>;
export type HistoryImportSummary = z.infer<typeof historyImportSummarySchema>;
export type HistoryImportJob = z.infer<typeof historyImportJobSchema>;
export type HistoryOverview = z.infer<typeof historyOverviewSchema>;

import { defaultUploadMaxBytes } from '../config';
import type { Db } from '../db/client';
import { ProblemError } from '../errors';
import type { Actor } from '../services/audit';
import { GitLogSyntaxError } from './git-log-parse';
import { finishImportJob, reportProgress, startImportJob } from './import-jobs';
import { countBytes, gunzip, type ReadHistory, readGitHistory, TooLargeError } from './read-git';
import type { HistoryRules } from './rules';
import { type ImportSummary, storeHistory } from './store-history';

/** Largest uncompressed history: 1 GiB (a gzip bomb stops here). */
export const maxTextBytes = 1024 * 1024 * 1024;

/** How to import one git log. */
export interface GitUploadOptions {
  source: string;
  team?: string;
  deriveRoster?: boolean;
  gzip: boolean;
  rules: HistoryRules;
  /** Largest upload as sent (HISTORY_UPLOAD_MAX_BYTES; 200 MiB by default). */
  maxBytes?: number;
}

/** 413 naming the body and the limit it went past; nothing was imported. */
export function tooLarge(error: TooLargeError): ProblemError {
  return new ProblemError(413, 'Content Too Large', `The ${error.message.slice(4)}; nothing was imported.`, [
    { path: 'body', message: `must be at most ${error.limit} bytes (the ${error.what} limit)` },
  ]);
}

/** The problem+json a failed read becomes: 422 naming record and field, 413 too large, 422 bad gzip. */
export function readProblem(error: unknown): ProblemError | null {
  if (error instanceof GitLogSyntaxError) {
    return new ProblemError(422, 'Unprocessable Content', `${error.message}; nothing was imported.`, [
      { line: error.record, column: error.field, message: error.message },
    ]);
  }
  if (error instanceof TooLargeError) return tooLarge(error);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new ProblemError(
      422,
      'Unprocessable Content',
      'The body is not valid gzip; nothing was imported.',
      [{ line: 1, column: 'input', message: 'not valid gzip' }],
    );
  }
  return null;
}

/** A job's reading, ready to store: the job id and the parsed history, or the job failed with `problem`. */
export interface ReadUpload {
  job: string;
  read: ReadHistory;
  bytes: number;
}

/**
 * Reads one upload under a new import job, reporting progress to the job every 1,000 changes.
 * A malformed record, bad gzip or a too large body ends the job as failed and throws its
 * problem; nothing is stored.
 */
export async function readGitUpload(
  db: Db,
  orgId: string,
  body: AsyncIterable<Uint8Array>,
  options: Pick<GitUploadOptions, 'gzip' | 'rules' | 'maxBytes'>,
  now: () => Date,
): Promise<ReadUpload> {
  const job = await startImportJob(db, orgId, 'git');
  let bytes = 0;
  try {
    const raw = countBytes(body, options.maxBytes ?? defaultUploadMaxBytes, 'upload');
    const text = countBytes(options.gzip ? gunzip(raw) : raw, maxTextBytes, 'uncompressed history', (n) => {
      bytes = n;
    });
    const read = await readGitHistory(text, options.rules, (count) => reportProgress(db, job, bytes, count));
    await reportProgress(db, job, bytes, read.changes.length);
    return { job, read, bytes };
  } catch (error) {
    const problem = readProblem(error);
    await finishImportJob(db, job, now(), {
      error: { status: problem?.status ?? 500, detail: problem?.detail ?? 'The import failed.' },
    });
    throw problem ?? error;
  }
}

/** Stores a read upload and ends its job with the summary (or the failure). */
export async function storeGitUpload(
  db: Db,
  orgId: string,
  upload: ReadUpload,
  options: Omit<GitUploadOptions, 'gzip' | 'rules' | 'maxBytes'>,
  now: () => Date,
  actor: Actor,
): Promise<ImportSummary> {
  try {
    const summary = await storeHistory(
      db,
      orgId,
      { kind: 'git', ...options, changes: upload.read.changes, people: upload.read.people },
      now(),
      actor,
      (tx, stored) =>
        finishImportJob(tx, upload.job, now(), { result: { ...stored, bots: upload.read.bots } }),
    );
    return summary;
  } catch (error) {
    await finishImportJob(db, upload.job, now(), {
      error: { status: 500, detail: 'Storing the history failed.' },
    });
    throw error;
  }
}

import { type DestinationStream, type Logger, pino } from 'pino';
import { turnBatchedLines } from './turn-batched-lines';

export type { Logger } from 'pino';

/** Levels LOG_LEVEL accepts, most verbose last; `silent` logs nothing. */
export const logLevels = ['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof logLevels)[number];

/**
 * Fields never written to a log, at the top of a line or one object down: credentials a request
 * or an error might carry. Values are replaced by "[Redacted]".
 */
export const redactedFields = [
  'authorization',
  'cookie',
  'set-cookie',
  'password',
  'token',
  'secret',
  'x-csrf-token',
].flatMap((field) => [`["${field}"]`, `*["${field}"]`]);

let stdout: DestinationStream | undefined;

/** Standard output, each event-loop turn's lines in one write (one for the process, made on first use). */
const standardOutput = (): DestinationStream => {
  stdout ??= turnBatchedLines();
  return stdout;
};

/**
 * The server's JSON logger (pino): one JSON object per line on `destination` (by default standard
 * output, a turn's lines written together: {@link turnBatchedLines}), ISO times, credentials
 * redacted.
 */
export function createLogger(level: LogLevel, destination: DestinationStream = standardOutput()): Logger {
  return pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactedFields, censor: '[Redacted]' },
    },
    destination,
  );
}

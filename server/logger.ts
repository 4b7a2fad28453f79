import { type DestinationStream, type Logger, pino } from 'pino';

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

/**
 * The server's JSON logger (pino): one JSON object per line on `destination` (stdout by
 * default), ISO times, credentials redacted.
 */
export function createLogger(level: LogLevel, destination: DestinationStream = process.stdout): Logger {
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

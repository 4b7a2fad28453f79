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

/** The destination of each logger {@link createLogger} made. */
const destinations = new WeakMap<Logger, DestinationStream>();

/**
 * Where a logger made by {@link createLogger} writes its lines, for a writer of lines in the same
 * format (JSON, `level` number, ISO `time`, no base fields, `msg` last); undefined for any other
 * logger.
 */
export const destinationOf = (logger: Logger): DestinationStream | undefined => destinations.get(logger);

/**
 * The server's JSON logger (pino): one JSON object per line on `destination` (by default standard
 * output, a turn's lines written together: {@link turnBatchedLines}), ISO times, credentials
 * redacted.
 */
export function createLogger(level: LogLevel, destination: DestinationStream = standardOutput()): Logger {
  const logger = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: redactedFields, censor: '[Redacted]' },
    },
    destination,
  );
  destinations.set(logger, destination);
  return logger;
}

import { createLogger, type Logger, type LogLevel } from '../../server/logger';

export interface CapturedLog {
  logger: Logger;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
  /** Every line written so far, as written. */
  text(): string;
}

/** The server's JSON logger at `level`, writing into memory instead of stdout. */
export function captureLog(level: LogLevel = 'trace'): CapturedLog {
  const written: string[] = [];
  const logger = createLogger(level, { write: (line: string) => written.push(line) });
  return {
    logger,
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => written.join(''),
  };
}

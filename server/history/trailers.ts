/** A trailer line of a commit message: `Key: value`. */
export interface Trailer {
  key: string;
  value: string;
}

const trailerLine = /^([A-Za-z][A-Za-z0-9-]*):[ \t]*(\S.*?)\s*$/;

/**
 * The trailers of a commit message: `Key: value` lines of its last paragraph (git's own rule,
 * without its continuation lines). Keys are lower-cased.
 */
export function parseTrailers(message: string): Trailer[] {
  const trimmed = message.trimEnd();
  const start = trimmed.lastIndexOf('\n\n');
  if (start < 0) return [];
  const trailers: Trailer[] = [];
  for (const line of trimmed.slice(start + 2).split('\n')) {
    const match = trailerLine.exec(line);
    if (match) trailers.push({ key: match[1]!.toLowerCase(), value: match[2]! });
  }
  return trailers;
}

/** `Name <email>` -> its identity: the lower-cased email, else the lower-cased name. */
export function trailerIdentity(value: string): { identity: string; name: string } {
  const match = /^(.*?)\s*<([^>]*)>/.exec(value);
  if (match && match[2]!.trim())
    return { identity: match[2]!.trim().toLowerCase(), name: match[1]! || match[2]! };
  return { identity: value.toLowerCase(), name: value };
}

/** A commit identity: the lower-cased email, or the lower-cased name when the email is empty. */
export const personIdentity = (name: string, email: string): string =>
  (email.trim() || name.trim()).toLowerCase();

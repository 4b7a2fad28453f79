import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 of a secret as hex: what the database stores for session ids and API tokens. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** `bytes` random bytes as base64url text. */
export const randomSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Constant-time comparison of two hex or text digests of equal length. */
export const sameDigest = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const tokenPattern = /^rl_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{43})$/;
const alphanumeric = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A new API token `rl_<8-char prefix>_<32 random bytes, base64url>`; only its hash is stored. */
export function newApiToken(): { token: string; prefix: string; hash: string } {
  const prefix = Array.from(randomBytes(8), (b) => alphanumeric[b % alphanumeric.length]).join('');
  const token = `rl_${prefix}_${randomSecret(32)}`;
  return { token, prefix, hash: sha256(token) };
}

/** The prefix of a well-formed token, or undefined. */
export const tokenPrefix = (token: string): string | undefined => tokenPattern.exec(token)?.[1];

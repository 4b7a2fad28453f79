import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt parameters (RFC 7914): N = 2^15 (cost), r = 8 (block size), p = 1 (parallelism), a
 * 16-byte random salt and a 32-byte key; about 32 MiB and ~50 ms per hash. OWASP's password
 * storage guidance lists N=2^17 as its first choice and accepts lower N with more memory per op;
 * 2^15 keeps logins quick on small instances. Stored as `scrypt$N$r$p$salt$hash` (base64url),
 * so the parameters can be raised later without breaking existing hashes.
 */
export const scryptParams = { N: 2 ** 15, r: 8, p: 1, saltBytes: 16, keyBytes: 32 } as const;

const maxmem = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, keyBytes: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyBytes, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** Hashes a password with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, saltBytes, keyBytes } = scryptParams;
  const salt = randomBytes(saltBytes);
  const key = await derive(password, salt, keyBytes, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a password against a stored hash in constant time; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash that never matches, compared against when the email is unknown so timing does not reveal it. */
export const unusablePasswordHash = `scrypt$${scryptParams.N}$8$1$${'A'.repeat(22)}$${'A'.repeat(43)}`;

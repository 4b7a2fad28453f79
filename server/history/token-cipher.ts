import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const version = 'v1';

/**
 * Encrypts a GitHub token for storage with AES-256-GCM under `key` (32 bytes, GITHUB_TOKEN_KEY):
 * `v1.<iv>.<tag>.<ciphertext>` in base64url, a fresh 12-byte IV each time, bound to `orgId` as
 * additional data so a ciphertext copied to another org does not decrypt.
 */
export function encryptToken(key: Buffer, orgId: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(orgId));
  const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return [version, iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The token in `stored`; throws when the key, the org or the ciphertext does not match. */
export function decryptToken(key: Buffer, orgId: string, stored: string): string {
  const [tag, iv, auth, body] = stored.split('.');
  if (tag !== version || !iv || !auth || body === undefined) throw new Error('not a stored token');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
    .setAAD(Buffer.from(orgId))
    .setAuthTag(Buffer.from(auth, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

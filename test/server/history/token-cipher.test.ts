import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptToken, encryptToken } from '../../../server/history/token-cipher';

const key = randomBytes(32);

describe('stored GitHub token (AES-256-GCM)', () => {
  it('decrypts to the token it encrypted, for any token', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (token) => {
        expect(decryptToken(key, 'org-1', encryptToken(key, 'org-1', token))).toBe(token);
      }),
    );
  });

  it('never stores the token readable and uses a fresh IV each time', () => {
    const token = 'ghp_plainTokenValue0123456789';
    const a = encryptToken(key, 'org-1', token);
    const b = encryptToken(key, 'org-1', token);
    expect(a).not.toBe(b);
    expect(a + Buffer.from(a).toString('base64')).not.toContain(token);
  });

  it('refuses another key, another org, or an altered ciphertext', () => {
    const stored = encryptToken(key, 'org-1', 'ghp_secret');
    expect(() => decryptToken(randomBytes(32), 'org-1', stored)).toThrow();
    expect(() => decryptToken(key, 'org-2', stored)).toThrow();
    const [v, iv, tag, body] = stored.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => decryptToken(key, 'org-1', [v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
  });
});

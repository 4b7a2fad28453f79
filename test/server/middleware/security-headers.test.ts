import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../../server/middleware/security-headers';
import { reviewedPolicy } from '../hardening/reviewed-policy';

/** The middleware in front of one route that sets no headers and one that sets its own. */
const app = new Hono();
app.use('*', securityHeaders);
app.get('/plain', (c) => c.text('plain'));
app.get('/own', (c) => {
  c.header('content-security-policy', "default-src 'none'");
  c.header('x-frame-options', 'SAMEORIGIN');
  c.header('referrer-policy', 'origin');
  return c.text('own');
});

describe('security headers middleware', () => {
  it('sets the reviewed policy, DENY framing and no referrer on a route that sets none', async () => {
    const response = await app.request('/plain');
    expect(response.headers.get('content-security-policy')).toBe(reviewedPolicy);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('keeps the headers a route set itself', async () => {
    const response = await app.request('/own');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('origin');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServer, startAppServer } from '../../helpers/app-server';
import { reviewedPolicy } from './reviewed-policy';

let server: AppServer;

beforeAll(async () => {
  server = await startAppServer();
});
afterAll(async () => {
  await server.close();
});

const paths = ['/', '/api/v1/health', '/api/v1/orgs/demo/teams', '/api/v1/nope', '/api/v1/openapi.json'];

describe('security headers', () => {
  it.each(paths)('GET %s carries CSP, frame, sniffing and referrer headers', async (path) => {
    const response = await fetch(`${server.url}${path}`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it.each(['/', '/api/v1/health'])(
    'GET %s carries exactly the reviewed policy and cross-origin headers',
    async (path) => {
      const response = await fetch(`${server.url}${path}`);
      expect(response.headers.get('content-security-policy')).toBe(reviewedPolicy);
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(response.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
    },
  );

  it('gives the API docs page the app’s policy: scripts from this origin only, no framing', async () => {
    const response = await fetch(`${server.url}/api/docs`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

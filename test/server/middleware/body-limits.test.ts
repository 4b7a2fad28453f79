import { describe, expect, it } from 'vitest';
import { hasOwnBodyLimit, limitJsonBodies } from '../../../server/middleware/body-limits';
import { middlewareApp } from '../../helpers/middleware-app';

const mib = 1024 * 1024;
const app = middlewareApp(limitJsonBodies, { readBody: true });
const send = (path: string, bytes: number) => app.request(path, { method: 'POST', body: 'x'.repeat(bytes) });

describe('JSON body limit', () => {
  it('takes a body of exactly 1 MiB', async () => {
    expect((await send('/api/v1/orgs/demo/scenarios', mib)).status).toBe(200);
  });

  it('answers 413 problem+json to one byte more', async () => {
    const response = await send('/api/v1/orgs/demo/scenarios', mib + 1);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      type: 'about:blank',
      title: 'Content Too Large',
      status: 413,
      detail: 'The request body is larger than 1 MiB.',
      instance: '/api/v1/orgs/demo/scenarios',
    });
  });

  it.each([
    '/api/v1/orgs/demo/roster/import',
    '/api/v1/orgs/demo/history/git',
    '/api/v1/orgs/demo/history/github',
  ])('leaves %s to its own larger limit', async (path) => {
    expect(hasOwnBodyLimit(path)).toBe(true);
    expect((await send(path, mib + 1)).status).toBe(200);
  });

  it.each([
    '/api/v1/orgs/demo/roster/import/x',
    '/api/v1/orgs/demo/roster',
    '/api/v1/orgs/demo/history/gitlab',
    '/api/v1/orgs/demo/history/github/sync',
    '/api/v1/orgs/demo/rosterimport',
    '/api/v1/orgs/demo/xhistory/git',
  ])('limits %s like any JSON body', async (path) => {
    expect(hasOwnBodyLimit(path)).toBe(false);
    expect((await send(path, mib + 1)).status).toBe(413);
  });
});

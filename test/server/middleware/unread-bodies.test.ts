import { describe, expect, it } from 'vitest';
import { settleUnreadBodies } from '../../../server/middleware/unread-bodies';
import { middlewareApp } from '../../helpers/middleware-app';

const mib = 1024 * 1024;
const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/v1/auth/login', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);

/** A body of `chunks` chunks with no declared length. */
const unsized = (chunks: number) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < chunks; i++) controller.enqueue(new Uint8Array(16));
      controller.close();
    },
  });

describe('unread request bodies', () => {
  it('reads and drops an unread body of up to 1 MiB, keeping the connection', async () => {
    const request = post('x'.repeat(mib), { 'content-length': String(mib) });
    const response = await middlewareApp(settleUnreadBodies).request(request);
    expect(request.bodyUsed).toBe(true);
    expect(response.headers.get('connection')).toBeNull();
  });

  it('closes the connection after an unread body over 1 MiB, without reading it', async () => {
    const request = post('x'.repeat(mib + 1), { 'content-length': String(mib + 1) });
    const response = await middlewareApp(settleUnreadBodies).request(request);
    expect(request.bodyUsed).toBe(false);
    expect(response.headers.get('connection')).toBe('close');
  });

  it('closes the connection after an unread body of no declared length', async () => {
    const request = post(unsized(2));
    const response = await middlewareApp(settleUnreadBodies).request(request);
    expect(request.bodyUsed).toBe(false);
    expect(response.headers.get('connection')).toBe('close');
  });

  it('leaves a body the route read, and a request without one, as they are', async () => {
    const read = await middlewareApp(settleUnreadBodies, { readBody: true }).request(post(unsized(2)));
    expect(read.headers.get('connection')).toBeNull();
    const none = await middlewareApp(settleUnreadBodies).request('/api/v1/health');
    expect(none.headers.get('connection')).toBeNull();
  });
});

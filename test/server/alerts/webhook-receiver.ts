import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** Resolves once `count` requests have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real HTTP receiver on 127.0.0.1 (a free port unless `port` is given) that records every
 * request and answers with the next status of `statuses`, then 200 for the rest.
 */
export function startReceiver(statuses: number[] = [], port = 0): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const queue = [...statuses];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(queue.shift() ?? 200).end();
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${bound}/hook`,
        requests,
        waitFor: async (count, timeoutMs = 60_000) => {
          const deadline = Date.now() + timeoutMs;
          while (requests.length < count) {
            if (Date.now() > deadline) throw new Error(`expected ${count} requests, got ${requests.length}`);
            await new Promise((r) => setTimeout(r, 25));
          }
        },
        close: () => {
          server.closeAllConnections();
          return new Promise((done) => server.close(() => done()));
        },
      });
    });
  });
}

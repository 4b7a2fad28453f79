import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HeldRequest {
  deliveryId: string;
  body: string;
  arrivedAt: number;
}

export interface HoldingReceiver {
  url: string;
  requests: HeldRequest[];
  /** Resolves with the first request whose delivery id is not in `seen`. */
  nextNewDelivery(seen: Set<string>, timeoutMs?: number): Promise<HeldRequest>;
  close(): Promise<void>;
}

/**
 * A real webhook receiver on 127.0.0.1 that records each request as soon as its body has
 * arrived and answers 200 only `holdMs` later, so a sender can be killed with its POST in flight.
 */
export function startHoldingReceiver(holdMs: number): Promise<HoldingReceiver> {
  const requests: HeldRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        deliveryId: String(req.headers['x-reviewload-delivery']),
        body: Buffer.concat(chunks).toString('utf8'),
        arrivedAt: performance.now(),
      });
      setTimeout(() => res.writeHead(200).end(), holdMs);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/hook`,
        requests,
        nextNewDelivery: async (seen, timeoutMs = 60_000) => {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const fresh = requests.find((r) => !seen.has(r.deliveryId));
            if (fresh) return fresh;
            if (Date.now() > deadline) throw new Error('no request for a new delivery arrived');
            await new Promise((r) => setTimeout(r, 10));
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

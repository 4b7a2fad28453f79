import { createHmac } from 'node:crypto';

/** `sha256=<hex HMAC-SHA256 of the raw body keyed with the rule's secret>`, the X-Reviewload-Signature value. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

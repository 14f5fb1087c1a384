import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE_PATTERN = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks Meta's `X-Hub-Signature-256` header: `sha256=` and the hex HMAC-SHA256 of the
 * raw request body keyed with the app secret. Compare the raw bytes, because a body
 * parsed and serialised again no longer matches. Uses a timing-safe comparison.
 */
export function verifyWebhookSignature(rawBody: Buffer | string, header: string | undefined, appSecret: string): boolean {
  if (appSecret === '') {
    throw new TypeError('appSecret is empty; set the WhatsApp app secret before accepting webhooks');
  }

  const match = SIGNATURE_PATTERN.exec(header?.trim() ?? '');
  if (match === null) {
    return false;
  }

  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  const received = Buffer.from(match[1], 'hex');
  return received.length === expected.length && timingSafeEqual(received, expected);
}

import { createHmac } from 'node:crypto';

export interface WebhookDelivery {
  url: string;
  body: string;
  signature: string;
  status?: number;
  error?: string;
}

/** Signs a body as Meta does: `sha256=` and the hex HMAC-SHA256 of the exact bytes sent. */
export function signBody(body: string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/**
 * Posts a signed webhook, retrying a failed delivery up to three times one second apart,
 * and records every delivery so tests can see what was sent.
 */
export async function sendWebhook(url: string, payload: unknown, appSecret: string, log: WebhookDelivery[]): Promise<void> {
  const body = JSON.stringify(payload);
  const signature = signBody(body, appSecret);

  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const delivery: WebhookDelivery = { url, body, signature };
    log.push(delivery);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
        body,
        signal: AbortSignal.timeout(5_000),
      });
      delivery.status = response.status;
      if (response.ok) {
        return;
      }
    } catch (error) {
      delivery.error = error instanceof Error ? error.message : String(error);
    }
    console.warn(JSON.stringify({ msg: 'webhook delivery failed', url, attempt, status: delivery.status, error: delivery.error }));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

import { createHmac } from 'node:crypto';
import { verifyWebhookSignature } from './webhook-signature';

const secret = 'app-secret';
const body = '{"object":"whatsapp_business_account","entry":[]}';
const sign = (payload: string, key = secret) => `sha256=${createHmac('sha256', key).update(payload).digest('hex')}`;

describe('verifyWebhookSignature', () => {
  it('accepts a matching signature', () => {
    expect(verifyWebhookSignature(body, sign(body), secret)).toBe(true);
  });

  it('accepts a Buffer body and uppercase hex', () => {
    expect(verifyWebhookSignature(Buffer.from(body), sign(body).toUpperCase().replace('SHA256', 'sha256'), secret)).toBe(true);
  });

  it('rejects a changed body', () => {
    expect(verifyWebhookSignature(`${body} `, sign(body), secret)).toBe(false);
  });

  it('rejects another secret', () => {
    expect(verifyWebhookSignature(body, sign(body, 'other'), secret)).toBe(false);
  });

  it.each([undefined, '', 'sha1=abc', 'sha256=', 'sha256=zz', `sha256=${'a'.repeat(63)}`])('rejects header %s', (header) => {
    expect(verifyWebhookSignature(body, header, secret)).toBe(false);
  });

  it('throws on an empty secret', () => {
    expect(() => verifyWebhookSignature(body, sign(body), '')).toThrow(TypeError);
  });
});

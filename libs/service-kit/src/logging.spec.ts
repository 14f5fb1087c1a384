import { redactUrl } from './logging';

describe('redactUrl', () => {
  it('masks the webhook verify token', () => {
    expect(redactUrl('/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=s3cret&hub.challenge=42')).toBe(
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=%5BRedacted%5D&hub.challenge=42',
    );
  });

  it('keeps URLs without secrets unchanged', () => {
    expect(redactUrl('/health')).toBe('/health');
    expect(redactUrl('/api/v1/divisions?q=sales%20team')).toBe('/api/v1/divisions?q=sales%20team');
  });
});

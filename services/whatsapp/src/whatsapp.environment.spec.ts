import { loadEnvironment } from '@regu/service-kit';
import { productionSecretProblems, WhatsAppEnvironment } from './whatsapp.environment';

describe('productionSecretProblems', () => {
  it('accepts the defaults in development', () => {
    expect(productionSecretProblems(loadEnvironment(WhatsAppEnvironment, {}))).toEqual([]);
  });

  it('lists every missing secret in production', () => {
    const problems = productionSecretProblems(loadEnvironment(WhatsAppEnvironment, { NODE_ENV: 'production' }));

    expect(problems.map((problem) => problem.split(' ')[0])).toEqual(['WHATSAPP_TOKEN_ENCRYPTION_KEY', 'WHATSAPP_APP_SECRET', 'WHATSAPP_WEBHOOK_VERIFY_TOKEN']);
  });

  it('accepts production with its own secrets', () => {
    const environment = loadEnvironment(WhatsAppEnvironment, {
      NODE_ENV: 'production',
      WHATSAPP_TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
      WHATSAPP_APP_SECRET: 'meta-app-secret',
      WHATSAPP_WEBHOOK_VERIFY_TOKEN: 'meta-verify-token',
    });

    expect(productionSecretProblems(environment)).toEqual([]);
  });
});

import 'reflect-metadata';
import { bootstrapService, loadEnvironment } from '@regu/service-kit';
import { AppModule } from './app.module';
import { productionSecretProblems, WhatsAppEnvironment } from './whatsapp.environment';

async function main(): Promise<void> {
  const environment = loadEnvironment(WhatsAppEnvironment);
  const problems = productionSecretProblems(environment);
  if (problems.length > 0) {
    throw new Error(`Refusing to start in production:\n  ${problems.join('\n  ')}`);
  }
  await bootstrapService(AppModule.register(environment, { databaseName: environment.WHATSAPP_DATABASE_NAME, consumerGroupPrefix: environment.WHATSAPP_CONSUMER_GROUP_PREFIX }), { httpPort: environment.WHATSAPP_HTTP_PORT, tcpPort: environment.WHATSAPP_TCP_PORT });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

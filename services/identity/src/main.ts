import 'reflect-metadata';
import { bootstrapService, loadEnvironment } from '@regu/service-kit';
import { AppModule } from './app.module';
import { IdentityEnvironment } from './identity.environment';

async function main(): Promise<void> {
  const environment = loadEnvironment(IdentityEnvironment);
  await bootstrapService(AppModule.register(environment), { httpPort: environment.IDENTITY_HTTP_PORT, tcpPort: environment.IDENTITY_TCP_PORT });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

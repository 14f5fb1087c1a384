import 'reflect-metadata';
import { bootstrapService, loadEnvironment } from '@regu/service-kit';
import { AppModule } from './app.module';
import { DivisionsEnvironment } from './divisions.environment';

async function main(): Promise<void> {
  const environment = loadEnvironment(DivisionsEnvironment);
  await bootstrapService(AppModule.register(environment), { httpPort: environment.DIVISIONS_HTTP_PORT, tcpPort: environment.DIVISIONS_TCP_PORT });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

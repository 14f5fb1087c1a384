import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { loadEnvironment } from '@regu/service-kit';
import { AppModule } from './app.module';
import { GatewayEnvironment } from './gateway.environment';
import { setUpOpenApi } from './http/open-api';
import { createValidationPipe } from './http/validation.pipe';

async function main(): Promise<void> {
  const environment = loadEnvironment(GatewayEnvironment);
  const host = process.env.HOST ?? '127.0.0.1';

  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(environment), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.disable('x-powered-by');
  // ETags are stream versions that the services return, never hashes of the body.
  app.set('etag', false);
  // Bodies are small JSON documents; a bigger one is a mistake or abuse and gets 413.
  app.useBodyParser('json', { limit: '100kb' });
  app.setGlobalPrefix('api/v1', { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());
  setUpOpenApi(app);

  await app.listen(environment.GATEWAY_PORT, host);
  app.get(Logger).log({ host, port: environment.GATEWAY_PORT, docs: `http://${host}:${environment.GATEWAY_PORT}/api/docs` }, 'gateway started');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

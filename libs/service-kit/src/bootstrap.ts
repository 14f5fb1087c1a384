import { Logger as NestLogger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type MicroserviceOptions, Transport } from '@nestjs/microservices';
import { Logger } from 'nestjs-pino';
import { ServiceErrorFilter } from './rpc-exception.filter';

export interface ServicePorts {
  httpPort: number;
  tcpPort: number;
}

/**
 * Starts a service: the TCP listener for the gateway's commands and queries, and an
 * HTTP listener for /health (and anything else the service serves over HTTP).
 * Both listen on `host`, 127.0.0.1 unless the deployment says otherwise.
 */
export async function bootstrapService(appModule: Parameters<typeof NestFactory.create>[0], ports: ServicePorts, host = process.env.HOST ?? '127.0.0.1'): Promise<INestApplication> {
  const app = await NestFactory.create(appModule, { bufferLogs: true, rawBody: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();

  // Registered before the microservice connects, which copies it with inheritAppConfig.
  app.useGlobalFilters(new ServiceErrorFilter());
  app.connectMicroservice<MicroserviceOptions>({ transport: Transport.TCP, options: { host, port: ports.tcpPort } }, { inheritAppConfig: true });

  await app.startAllMicroservices();
  await app.listen(ports.httpPort, host);
  new NestLogger('Bootstrap').log({ host, ...ports }, 'service started');
  return app;
}

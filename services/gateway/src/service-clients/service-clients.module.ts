import { Global, Module } from '@nestjs/common';
import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import { GatewayEnvironment } from '../gateway.environment';
import { ServiceClient } from './service-client';

export const IDENTITY_SERVICE = Symbol('IDENTITY_SERVICE');
export const DIVISIONS_SERVICE = Symbol('DIVISIONS_SERVICE');
export const WHATSAPP_SERVICE = Symbol('WHATSAPP_SERVICE');

function tcpClient(name: string, host: keyof GatewayEnvironment, port: keyof GatewayEnvironment) {
  return (environment: GatewayEnvironment) =>
    new ServiceClient(
      name,
      ClientProxyFactory.create({ transport: Transport.TCP, options: { host: String(environment[host]), port: Number(environment[port]) } }),
      environment.SERVICE_TIMEOUT_MS,
    );
}

/** One TCP client per service. Inject them with @Inject(DIVISIONS_SERVICE) and so on. */
@Global()
@Module({
  providers: [
    { provide: IDENTITY_SERVICE, inject: [GatewayEnvironment], useFactory: tcpClient('identity', 'IDENTITY_HOST', 'IDENTITY_TCP_PORT') },
    { provide: DIVISIONS_SERVICE, inject: [GatewayEnvironment], useFactory: tcpClient('divisions', 'DIVISIONS_HOST', 'DIVISIONS_TCP_PORT') },
    { provide: WHATSAPP_SERVICE, inject: [GatewayEnvironment], useFactory: tcpClient('whatsapp', 'WHATSAPP_HOST', 'WHATSAPP_TCP_PORT') },
  ],
  exports: [IDENTITY_SERVICE, DIVISIONS_SERVICE, WHATSAPP_SERVICE],
})
export class ServiceClientsModule {}

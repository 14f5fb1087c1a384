import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { createRemoteJWKSet } from 'jose';
import { AccessTokenVerifier } from '@regu/auth';
import { createLoggerModule } from '@regu/service-kit';
import { AccessPolicyGuard } from './auth/access-policy.guard';
import { AuthRoutesModule } from './auth-routes/auth-routes.module';
import { UsersModule } from './users/users.module';
import { DivisionsModule } from './divisions/divisions.module';
import { GatewayEnvironment } from './gateway.environment';
import { HealthController } from './health/health.controller';
import { CorrelationIdMiddleware } from './http/correlation-id.middleware';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { ServiceClientsModule } from './service-clients/service-clients.module';
import { WhatsAppModule } from './whatsapp/whatsapp.module';

/** Feature modules that add routes; each owns its folder under src/. */
const FEATURE_MODULES: DynamicModule['imports'] = [AuthRoutesModule, UsersModule, WhatsAppModule, DivisionsModule];

@Module({})
export class AppModule implements NestModule {
  static register(environment: GatewayEnvironment): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        createLoggerModule('gateway', environment.LOG_LEVEL),
        ThrottlerModule.forRoot([{ name: 'default', ttl: 60_000, limit: environment.RATE_LIMIT_PER_MINUTE }]),
        ServiceClientsModule,
        ...(FEATURE_MODULES ?? []),
      ],
      controllers: [HealthController],
      providers: [
        { provide: GatewayEnvironment, useValue: environment },
        {
          provide: AccessTokenVerifier,
          useFactory: () =>
            new AccessTokenVerifier({
              issuer: environment.JWT_ISSUER,
              audience: environment.JWT_AUDIENCE,
              keys: createRemoteJWKSet(new URL(environment.IDENTITY_JWKS_URL), { cooldownDuration: 30_000, cacheMaxAge: 600_000 }),
            }),
        },
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useClass: AccessPolicyGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
      exports: [GatewayEnvironment, AccessTokenVerifier],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware).forRoutes('*');
  }
}

import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ANONYMOUS_CALLER } from '../auth/anonymous-caller';
import { Public } from '../auth/access-policy.decorators';
import type { ServiceClient } from '../service-clients/service-client';
import { DIVISIONS_SERVICE, IDENTITY_SERVICE, WHATSAPP_SERVICE } from '../service-clients/service-clients.module';

/** Answers 200 when every service answers that it reaches its MongoDB and Kafka, else 503. */
@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(IDENTITY_SERVICE) private readonly identity: ServiceClient,
    @Inject(DIVISIONS_SERVICE) private readonly divisions: ServiceClient,
    @Inject(WHATSAPP_SERVICE) private readonly whatsapp: ServiceClient,
  ) {}

  @Get()
  async check(@Res() response: Response): Promise<void> {
    const services = { identity: this.identity, divisions: this.divisions, whatsapp: this.whatsapp };
    const checks = Object.fromEntries(
      await Promise.all(
        Object.entries(services).map(async ([name, client]) => {
          try {
            const report = await client.send<{ status: string }>('health', ANONYMOUS_CALLER, {});
            return [name, report] as const;
          } catch {
            return [name, { status: 'unavailable' }] as const;
          }
        }),
      ),
    );
    const healthy = Object.values(checks).every((check) => check.status === 'ok');

    response.status(healthy ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: healthy ? 'ok' : 'unavailable', services: checks });
  }
}

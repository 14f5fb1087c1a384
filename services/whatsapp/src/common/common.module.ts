import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Db } from 'mongodb';
import type { Kafka } from 'kafkajs';
import { KAFKA, MONGO_DB, SERVICE_ENVIRONMENT, type ServiceEnvironment } from '@regu/service-kit';
import { CLOCK, ID_GENERATOR, systemClock, uuidGenerator } from './clock';
import { ProjectionHost } from './projection-host';

/** The clock, the id generator and the projection host every feature module shares. */
@Global()
@Module({
  providers: [
    { provide: CLOCK, useValue: systemClock },
    { provide: ID_GENERATOR, useValue: uuidGenerator },
    {
      provide: ProjectionHost,
      inject: [KAFKA, MONGO_DB, SERVICE_ENVIRONMENT],
      useFactory: (kafka: Kafka, db: Db, environment: ServiceEnvironment) => new ProjectionHost(kafka, db, environment),
    },
  ],
  exports: [CLOCK, ID_GENERATOR, ProjectionHost],
})
export class CommonModule implements OnApplicationShutdown {
  constructor(@Inject(ProjectionHost) private readonly projections: ProjectionHost) {}

  async onApplicationShutdown(): Promise<void> {
    await this.projections.stop();
  }
}

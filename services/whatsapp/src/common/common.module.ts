import { type DynamicModule, Global, Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import type { Db } from 'mongodb';
import type { Kafka } from 'kafkajs';
import { KAFKA, MONGO_DB, ProjectionHost, SERVICE_ENVIRONMENT, type ServiceEnvironment } from '@regu/service-kit';
import { CLOCK, ID_GENERATOR, systemClock, uuidGenerator } from './clock';

/** Injection token of the consumer-group prefix of the projections, `whatsapp` in production. */
export const CONSUMER_GROUP_PREFIX = Symbol('CONSUMER_GROUP_PREFIX');

const PROVIDERS = [
    { provide: CLOCK, useValue: systemClock },
    { provide: ID_GENERATOR, useValue: uuidGenerator },
    {
      provide: ProjectionHost,
      inject: [KAFKA, MONGO_DB, SERVICE_ENVIRONMENT],
      useFactory: (kafka: Kafka, db: Db, environment: ServiceEnvironment) => new ProjectionHost(kafka, db, environment),
    },
];

/** The clock, the id generator and the projection host every feature module shares. */
@Global()
@Module({})
export class CommonModule implements OnModuleDestroy {
  static register(consumerGroupPrefix: string): DynamicModule {
    return {
      module: CommonModule,
      providers: [...PROVIDERS, { provide: CONSUMER_GROUP_PREFIX, useValue: consumerGroupPrefix }],
      exports: [CLOCK, ID_GENERATOR, ProjectionHost, CONSUMER_GROUP_PREFIX],
    };
  }

  constructor(@Inject(ProjectionHost) private readonly projections: ProjectionHost) {}

  /**
   * Stops the consumers in the first shutdown phase, before the MongoDB connection closes
   * in the last one; otherwise in-flight events fail and go to the dead-letter topic.
   */
  async onModuleDestroy(): Promise<void> {
    await this.projections.stop();
  }
}

import { type DynamicModule, Global, Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import type { Db } from 'mongodb';
import type { Kafka } from 'kafkajs';
import { createKafka, ensureTopics, MongoEventStore, OutboxRelay } from '@regu/event-sourcing';
import type { ServiceEnvironment } from './environment';
import { HealthController } from './health.controller';
import { nestLoggerAdapter } from './logging';
import { EVENT_STORE, KAFKA, MONGO_DB, OUTBOX_RELAY, SERVICE_ENVIRONMENT } from './tokens';

export interface EventSourcingModuleOptions {
  /** Kafka client id and log name, for example `divisions`. */
  serviceName: string;
  /** The service's own database; no other service reads it. */
  databaseName: string;
  environment: ServiceEnvironment;
  /** Maps a stream type to its topic, for example `division` to `divisions.division.events`. */
  topicFor: (streamType: string) => string;
  /** Topics the service publishes to, created at start-up with the configured partitions. */
  topics: readonly string[];
}

/**
 * Wires a service to its MongoDB database (one connection pool, shared by mongoose read
 * models and the event store) and to Kafka, and runs the outbox relay while the app runs.
 */
@Global()
@Module({})
export class EventSourcingModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EventSourcingModule.name);

  constructor(
    @Inject(EVENT_STORE) private readonly store: MongoEventStore,
    @Inject(OUTBOX_RELAY) private readonly relay: OutboxRelay,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject('EVENT_SOURCING_OPTIONS') private readonly options: EventSourcingModuleOptions,
  ) {}

  static forRoot(options: EventSourcingModuleOptions): DynamicModule {
    return {
      module: EventSourcingModule,
      imports: [MongooseModule.forRoot(options.environment.MONGO_URL, { dbName: options.databaseName, serverSelectionTimeoutMS: 10_000 })],
      controllers: [HealthController],
      providers: [
        { provide: 'EVENT_SOURCING_OPTIONS', useValue: options },
        { provide: SERVICE_ENVIRONMENT, useValue: options.environment },
        { provide: MONGO_DB, inject: [getConnectionToken()], useFactory: (connection: Connection) => connection.db as unknown as Db },
        { provide: KAFKA, useFactory: () => createKafka(options.serviceName, options.environment.KAFKA_BROKERS) },
        { provide: EVENT_STORE, inject: [MONGO_DB], useFactory: (db: Db) => new MongoEventStore(db) },
        {
          provide: OUTBOX_RELAY,
          inject: [EVENT_STORE, MONGO_DB, KAFKA],
          useFactory: (store: MongoEventStore, db: Db, kafka: Kafka) =>
            new OutboxRelay(store, db, kafka, { topicFor: options.topicFor, logger: nestLoggerAdapter(new Logger(OutboxRelay.name)) }),
        },
      ],
      exports: [MONGO_DB, KAFKA, EVENT_STORE, OUTBOX_RELAY, SERVICE_ENVIRONMENT, MongooseModule],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.store.ensureIndexes();
    const { KAFKA_TOPIC_PARTITIONS, KAFKA_REPLICATION_FACTOR } = this.options.environment;
    await ensureTopics(this.kafka, this.options.topics, KAFKA_TOPIC_PARTITIONS, KAFKA_REPLICATION_FACTOR);
    this.relay.start();
    this.logger.log({ topics: this.options.topics }, 'event store ready and outbox relay started');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }
}

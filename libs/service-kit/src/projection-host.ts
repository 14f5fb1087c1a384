import { Logger } from '@nestjs/common';
import type { Db } from 'mongodb';
import type { Kafka } from 'kafkajs';
import { ensureTopics, ProjectionRunner, type Projection } from '@regu/event-sourcing';
import type { ServiceEnvironment } from './environment';
import { nestLoggerAdapter } from './logging';

/**
 * Starts one ProjectionRunner (one Kafka consumer group) per projection or reaction when
 * the application boots, and stops them when it shuts down. Missing topics are created
 * first, because another service may not have published to them yet.
 */
export class ProjectionHost {
  private readonly logger = new Logger(ProjectionHost.name);
  private readonly runners: ProjectionRunner[] = [];

  constructor(
    private readonly kafka: Kafka,
    private readonly db: Db,
    private readonly environment: ServiceEnvironment,
  ) {}

  async start(projections: readonly Projection[]): Promise<void> {
    const topics = [...new Set(projections.flatMap((projection) => projection.topics))];
    await ensureTopics(this.kafka, topics, this.environment.KAFKA_TOPIC_PARTITIONS, this.environment.KAFKA_REPLICATION_FACTOR);

    const runners = projections.map(
      (projection) => new ProjectionRunner(projection, this.kafka, this.db, { logger: nestLoggerAdapter(new Logger(`ProjectionRunner:${projection.name}`)) }),
    );
    this.runners.push(...runners);
    await Promise.all(runners.map((runner) => runner.start()));
    this.logger.log({ consumerGroups: projections.map((projection) => projection.name) }, 'projections started');
  }

  async stop(): Promise<void> {
    await Promise.all(this.runners.splice(0).map((runner) => runner.stop()));
  }
}

import { Logger } from '@nestjs/common';
import type { Db } from 'mongodb';
import type { Kafka } from 'kafkajs';
import { ensureTopics, ProjectionRunner, type Projection } from '@regu/event-sourcing';
import { nestLoggerAdapter, type ServiceEnvironment } from '@regu/service-kit';

/**
 * Runs one ProjectionRunner, and so one Kafka consumer group, per projection while the
 * application runs. The topics are created first, so a consumer never waits for a
 * topic that nobody published to yet.
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

import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import type { Response } from 'express';
import type { Db } from 'mongodb';
import type { Admin, Kafka } from 'kafkajs';
import { KAFKA, MONGO_DB } from './tokens';

type CheckResult = { status: 'up' } | { status: 'down'; error: string };

/**
 * Answers 200 when the service reaches its MongoDB database and Kafka, else 503.
 * The gateway asks the same over TCP (`health`) for its own /health.
 */
@Controller('health')
export class HealthController {
  private admin: Admin | undefined;

  constructor(
    @Inject(MONGO_DB) private readonly db: Db,
    @Inject(KAFKA) private readonly kafka: Kafka,
  ) {}

  @Get()
  async check(@Res() response: Response): Promise<void> {
    const report = await this.report();
    response.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(report);
  }

  @MessagePattern('health')
  async report(): Promise<{ status: 'ok' | 'unavailable'; checks: { mongo: CheckResult; kafka: CheckResult } }> {
    const [mongo, kafka] = await Promise.all([this.checkMongo(), this.checkKafka()]);
    const healthy = mongo.status === 'up' && kafka.status === 'up';
    return { status: healthy ? 'ok' : 'unavailable', checks: { mongo, kafka } };
  }

  private async checkMongo(): Promise<CheckResult> {
    try {
      await withTimeout(this.db.command({ ping: 1 }), 3_000);
      return { status: 'up' };
    } catch (error) {
      return { status: 'down', error: errorMessage(error) };
    }
  }

  private async checkKafka(): Promise<CheckResult> {
    try {
      if (this.admin === undefined) {
        this.admin = this.kafka.admin();
        await withTimeout(this.admin.connect(), 3_000);
      }
      await withTimeout(this.admin.describeCluster(), 3_000);
      return { status: 'up' };
    } catch (error) {
      await this.admin?.disconnect().catch(() => undefined);
      this.admin = undefined;
      return { status: 'down', error: errorMessage(error) };
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref())]);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

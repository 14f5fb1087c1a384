import 'reflect-metadata';
import { Controller, Get, Inject, Module, NotFoundException, Param, Query } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Db, MongoClient } from 'mongodb';

/**
 * The read baseline: a NestJS app with one module and no guard, pipe, logger or TCP hop,
 * running the queries that the divisions service runs for the same two reads against
 * the same database. The organization comes from the query string, not from a token.
 */
const DB = Symbol('DB');

@Controller('divisions')
class BaselineDivisionsController {
  constructor(@Inject(DB) private readonly db: Db) {}

  /** Reads the stream from the event store and the names of its users, as GET /divisions/:id does. */
  @Get(':id')
  async get(@Param('id') id: string, @Query('organizationId') organizationId: string): Promise<unknown> {
    const commits = await this.db.collection('commits').find({ streamId: id }).sort({ fromVersion: 1 }).toArray();
    if (commits.length === 0 || commits[0].organizationId !== organizationId) {
      throw new NotFoundException();
    }
    const events = commits.flatMap((commit) => commit.events as Array<{ data: { agentIds?: string[]; supervisorId?: string; newAgentIds?: string[] } }>);
    const last = events[events.length - 1].data;
    const userIds = [...(events[0].data.supervisorId === undefined ? [] : [events[0].data.supervisorId]), ...(last.newAgentIds ?? last.agentIds ?? [])];
    const users = await this.db.collection('directory_users').find({ organizationId, _id: { $in: userIds as never[] }, deleted: { $ne: true } }).toArray();
    return { id, version: events.length, users: users.length };
  }

  /** Reads one page of the list projection, its total and the names of its users, as GET /divisions does. */
  @Get()
  async list(@Query('organizationId') organizationId: string, @Query('limit') limit = '20'): Promise<unknown> {
    const pageSize = Number(limit);
    const conditions = [{ organizationId }, { deleted: { $ne: true } }];
    const divisions = this.db.collection('division_list');
    const [documents, total] = await Promise.all([
      divisions.find({ $and: conditions }).sort({ normalizedName: 1, _id: 1 }).skip(0).limit(pageSize + 1).toArray(),
      divisions.countDocuments({ $and: conditions }),
    ]);
    const page = documents.slice(0, pageSize);
    const userIds = [...new Set(page.flatMap((document) => [document.supervisorId, ...(document.agentIds as string[])]))];
    const users = await this.db.collection('directory_users').find({ organizationId, _id: { $in: userIds }, deleted: { $ne: true } }).toArray();
    return { items: page.map((document) => ({ id: document._id, name: document.name, version: document.streamVersion })), total, users: users.length };
  }
}

@Module({})
class ReadBaselineModule {
  static register(db: Db) {
    return { module: ReadBaselineModule, controllers: [BaselineDivisionsController], providers: [{ provide: DB, useValue: db }] };
  }
}

async function main(): Promise<void> {
  const port = Number(process.env.BENCH_READ_BASELINE_PORT ?? 3180);
  const client = await MongoClient.connect(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017');
  const db = client.db(process.env.DIVISIONS_DATABASE_NAME ?? 'regu_bench_divisions');
  const app = await NestFactory.create(ReadBaselineModule.register(db), { logger: ['error'] });
  await app.listen(port, '127.0.0.1');
  process.send?.('ready');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

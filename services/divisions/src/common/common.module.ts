import { randomUUID } from 'node:crypto';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { CLOCK, ID_GENERATOR } from './clock';
import { CONSUMER_GROUP_PREFIX } from './consumer-groups';

/** Time, ids and the consumer group prefix, for every feature module. */
@Global()
@Module({})
export class CommonModule {
  static forRoot(consumerGroupPrefix: string): DynamicModule {
    const providers = [
      { provide: CLOCK, useValue: () => new Date() },
      { provide: ID_GENERATOR, useValue: randomUUID },
      { provide: CONSUMER_GROUP_PREFIX, useValue: consumerGroupPrefix },
    ];
    return { module: CommonModule, providers, exports: providers.map((provider) => provider.provide) };
  }
}

import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';
import { ServiceEnvironment } from '@regu/service-kit';

/** Environment variables of the divisions service; every one has a local-mode default. */
export class DivisionsEnvironment extends ServiceEnvironment {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  DIVISIONS_HTTP_PORT = 3002;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  DIVISIONS_TCP_PORT = 4002;

  /** The service's own MongoDB database. */
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,63}$/)
  DIVISIONS_DATABASE_NAME = 'regu_divisions';

  /** Prefix of every consumer group, such as `divisions.division-list`. Two deployments sharing a Kafka cluster need different ones. */
  @IsString()
  @IsNotEmpty()
  DIVISIONS_CONSUMER_GROUP_PREFIX = 'divisions';
}

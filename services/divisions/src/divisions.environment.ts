import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
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
}

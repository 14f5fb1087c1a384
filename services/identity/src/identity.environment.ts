import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ServiceEnvironment } from '@regu/service-kit';

/** Environment variables of the identity service; every one has a local-mode default. */
export class IdentityEnvironment extends ServiceEnvironment {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  IDENTITY_HTTP_PORT = 3001;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  IDENTITY_TCP_PORT = 4001;
}

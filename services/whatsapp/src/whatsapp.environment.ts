import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { ServiceEnvironment } from '@regu/service-kit';

/** Environment variables of the whatsapp service; every one has a local-mode default. */
export class WhatsAppEnvironment extends ServiceEnvironment {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  WHATSAPP_HTTP_PORT = 3003;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  WHATSAPP_TCP_PORT = 4003;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { RequiredText, Trim } from '../http/text.validators';

export const CHANNEL_STATUSES = ['CONNECTED', 'NEEDS_RECONNECTION', 'DISCONNECTED'] as const;

/** Format rules (E.164, numeric Meta ids, display name length) are the service's, so one message explains each. */
export class ConnectChannelBody {
  @ApiProperty({ example: 'Customer care', maxLength: 100 })
  @RequiredText(200)
  displayName!: string;

  @ApiProperty({ example: '+6281100000001', description: 'E.164: + then the country code and number.' })
  @RequiredText(32)
  phoneNumber!: string;

  @ApiProperty({ example: '100000000000001', description: 'The WhatsApp Business Account id from WhatsApp Manager.' })
  @RequiredText(64)
  wabaId!: string;

  @ApiProperty({ example: '200000000000001', description: 'The phone number id from WhatsApp Manager.' })
  @RequiredText(64)
  phoneNumberId!: string;

  @ApiProperty({ description: 'A system-user access token; checked with WhatsApp, stored encrypted, never returned.', writeOnly: true })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4096)
  accessToken!: string;
}

export class UpdateChannelBody {
  @ApiPropertyOptional({ example: 'Customer care Jakarta' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ description: 'A new access token; checked with WhatsApp first. Reconnects a channel that needs reconnection.', writeOnly: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4096)
  accessToken?: string;
}

export class ChannelIdParams {
  @IsUUID()
  id!: string;
}

export class ListChannelsQuery {
  @ApiPropertyOptional({ enum: CHANNEL_STATUSES })
  @IsOptional()
  @IsIn(CHANNEL_STATUSES)
  status?: (typeof CHANNEL_STATUSES)[number];

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

export class ChannelResponse {
  @ApiProperty() id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() phoneNumber!: string;
  @ApiProperty() wabaId!: string;
  @ApiProperty() phoneNumberId!: string;
  @ApiProperty({ enum: CHANNEL_STATUSES }) status!: string;
  @ApiPropertyOptional({ enum: ['TOKEN_EXPIRED', 'TOKEN_REVOKED', 'TOKEN_INVALID'] }) reconnectionReason?: string;
  @ApiProperty({ description: 'The ETag; send it as If-Match with a change.' }) version!: number;
}

export class ChannelPageResponse {
  @ApiProperty({ type: [ChannelResponse] }) items!: ChannelResponse[];
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ nullable: true, type: Number }) nextOffset!: number | null;
}

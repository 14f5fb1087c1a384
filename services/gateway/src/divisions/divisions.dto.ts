import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { RequiredText, Trim } from '../http/text.validators';

/** Maximum length of an id. Ids are opaque strings that the services issue, so no format is assumed. */
const MAX_ID_LENGTH = 100;
/** The maximum number of agents or channels in one request. */
const MAX_IDS_PER_REQUEST = 500;

export class ChannelScopeBody {
  @ApiProperty({ enum: ['all', 'specific'], description: '`all` serves every channel of the organization; `specific` only `channelIds`.' })
  @IsIn(['all', 'specific'])
  kind!: 'all' | 'specific';

  @ApiPropertyOptional({ type: [String], description: 'Connected channels; required, and at least one, when `kind` is `specific`.' })
  @ValidateIf((scope: ChannelScopeBody) => scope.kind === 'specific')
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_IDS_PER_REQUEST)
  @IsString({ each: true })
  @MaxLength(MAX_ID_LENGTH, { each: true })
  channelIds?: string[];
}

export class CreateDivisionBody {
  @ApiProperty({ maxLength: 100, example: 'Sales', description: 'Trimmed; unique in the organization regardless of case.' })
  @RequiredText(100)
  name!: string;

  @ApiProperty({ description: 'An active supervisor of the organization.' })
  @RequiredText(MAX_ID_LENGTH)
  supervisorId!: string;

  @ApiProperty({ type: [String], description: 'Active agents of the organization, at least one.' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_IDS_PER_REQUEST)
  @IsString({ each: true })
  @MaxLength(MAX_ID_LENGTH, { each: true })
  agentIds!: string[];

  @ApiPropertyOptional({ type: ChannelScopeBody, description: 'All channels when absent.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelScopeBody)
  channelScope?: ChannelScopeBody;
}

export class UpdateDivisionBody {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @RequiredText(100)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(MAX_ID_LENGTH)
  supervisorId?: string;

  @ApiPropertyOptional({ type: ChannelScopeBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => ChannelScopeBody)
  channelScope?: ChannelScopeBody;
}

export class AddAgentsBody {
  @ApiProperty({ type: [String], description: 'Active agents of the organization; members already in the division are skipped.' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_IDS_PER_REQUEST)
  @IsString({ each: true })
  @MaxLength(MAX_ID_LENGTH, { each: true })
  agentIds!: string[];
}

export class ListDivisionsQuery {
  @ApiPropertyOptional({ description: 'Part of the name, regardless of case.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Only divisions with this agent.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_ID_LENGTH)
  agentId?: string;

  @ApiPropertyOptional({ description: 'Only divisions serving this channel: scoped to all channels or to a list containing it.' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_ID_LENGTH)
  channelId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Items to skip; not together with `cursor`.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

export class DivisionIdParams {
  @IsString()
  @MaxLength(MAX_ID_LENGTH)
  id!: string;
}

export class DivisionAgentParams extends DivisionIdParams {
  @IsString()
  @MaxLength(MAX_ID_LENGTH)
  agentId!: string;
}

export class NamedReferenceResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Null while the directory does not know the id yet.' }) name!: string | null;
}

export class ChannelScopeResponse {
  @ApiProperty({ enum: ['all', 'specific'] }) kind!: 'all' | 'specific';
  @ApiPropertyOptional({ type: [NamedReferenceResponse] }) channels?: NamedReferenceResponse[];
}

export class DivisionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: NamedReferenceResponse, nullable: true, description: 'Null while the division needs a supervisor.' }) supervisor!: NamedReferenceResponse | null;
  @ApiProperty({ type: [NamedReferenceResponse] }) agents!: NamedReferenceResponse[];
  @ApiProperty({ type: ChannelScopeResponse }) channelScope!: ChannelScopeResponse;
  @ApiProperty() needsSupervisor!: boolean;
  @ApiProperty() hasNoAgents!: boolean;
  @ApiProperty({ description: 'True when every specific channel was disconnected: the division serves no channel.' }) hasNoChannels!: boolean;
  @ApiProperty({ description: 'The ETag value.' }) version!: number;
}

export class DivisionPageResponse {
  @ApiProperty({ type: [DivisionResponse] }) items!: DivisionResponse[];
  @ApiProperty() limit!: number;
  @ApiPropertyOptional() offset?: number;
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
  @ApiProperty() total!: number;
}

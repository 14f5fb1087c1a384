import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsWorkloadLimit } from './workload-limit.validator';

const WORKLOAD_LIMIT_SCHEMA = { oneOf: [{ type: 'integer', minimum: 1, maximum: 100 }, { type: 'string', enum: ['unlimited'] }] };

export class AutomaticAllocationBody {
  @ApiProperty() @IsBoolean() enabled!: boolean;
  @ApiProperty({ enum: ['round_robin', 'least_busy'] }) @IsIn(['round_robin', 'least_busy']) strategy!: 'round_robin' | 'least_busy';
  @ApiProperty({ description: 'Give chats only to agents who are online.' }) @IsBoolean() onlineAgentsOnly!: boolean;
}

export class CustomAllocationBody {
  @ApiProperty() @IsBoolean() enabled!: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'An https URL of a public host; required when `enabled` is true.' })
  @ValidateIf((body: CustomAllocationBody) => body.enabled === true || (body.webhookUrl !== undefined && body.webhookUrl !== null))
  @IsString()
  @MaxLength(2048)
  webhookUrl?: string | null;
}

export class IdleRuleBody {
  @ApiProperty() @IsBoolean() enabled!: boolean;
  @ApiProperty({ minimum: 1, maximum: 1440 }) @IsInt() @Min(1) @Max(1440) idleMinutes!: number;
  @ApiProperty({ minimum: 1, maximum: 10, description: 'Other agents to try before the chat stays with its agent.' }) @IsInt() @Min(1) @Max(10) reassignAttempts!: number;
}

/** The whole allocation settings: PUT replaces them, so every field is required. */
export class AllocationSettingsBody {
  @ApiProperty() @IsBoolean() agentsMayTakeUnassignedChats!: boolean;
  @ApiProperty() @IsBoolean() agentsMayTransferChats!: boolean;
  @ApiProperty({ type: AutomaticAllocationBody }) @IsDefined() @ValidateNested() @Type(() => AutomaticAllocationBody) automaticAllocation!: AutomaticAllocationBody;
  @ApiProperty({ type: CustomAllocationBody }) @IsDefined() @ValidateNested() @Type(() => CustomAllocationBody) customAllocation!: CustomAllocationBody;
  @ApiProperty({ type: IdleRuleBody }) @IsDefined() @ValidateNested() @Type(() => IdleRuleBody) idleRule!: IdleRuleBody;
}

export class OrganizationWorkloadBody {
  @ApiProperty({ ...WORKLOAD_LIMIT_SCHEMA, description: 'The default for agents with no limit of their own or of a division.' })
  @IsWorkloadLimit()
  organizationLimit!: number | 'unlimited';
}

export class WorkloadLimitBody {
  @ApiProperty(WORKLOAD_LIMIT_SCHEMA)
  @IsWorkloadLimit()
  limit!: number | 'unlimited';
}

export class DivisionSettingsParams {
  @IsString() @MaxLength(100) divisionId!: string;
}

export class AgentSettingsParams {
  @IsString() @MaxLength(100) agentId!: string;
}

export class ChannelParams {
  @IsString() @MaxLength(100) channelId!: string;
}

export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  @ApiPropertyOptional({ minimum: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class AllocationSettingsResponse extends AllocationSettingsBody {
  @ApiProperty({ description: 'The settings ETag, shared by allocation, workload and broadcast.' }) version!: number;
}

export class DivisionLimitResponse {
  @ApiProperty() divisionId!: string;
  @ApiProperty(WORKLOAD_LIMIT_SCHEMA) limit!: number | 'unlimited';
}

export class AgentLimitResponse {
  @ApiProperty() agentId!: string;
  @ApiProperty(WORKLOAD_LIMIT_SCHEMA) limit!: number | 'unlimited';
}

export class WorkloadSettingsResponse {
  @ApiProperty(WORKLOAD_LIMIT_SCHEMA) organizationLimit!: number | 'unlimited';
  @ApiProperty({ type: [DivisionLimitResponse] }) divisionLimits!: DivisionLimitResponse[];
  @ApiProperty({ type: [AgentLimitResponse] }) agentLimits!: AgentLimitResponse[];
  @ApiProperty() version!: number;
}

export class BroadcastSettingsResponse {
  @ApiProperty({ type: [String], description: 'Agents granted broadcast personally.' }) agentIds!: string[];
  @ApiProperty({ type: [String], description: 'Divisions whose every agent may use broadcast.' }) divisionIds!: string[];
  @ApiProperty() version!: number;
}

export class EffectiveWorkloadResponse {
  @ApiProperty() agentId!: string;
  @ApiProperty() name!: string;
  @ApiProperty(WORKLOAD_LIMIT_SCHEMA) limit!: number | 'unlimited';
  @ApiProperty({ enum: ['agent', 'division', 'organization'] }) source!: 'agent' | 'division' | 'organization';
  @ApiPropertyOptional({ description: 'The division whose limit applies, when `source` is `division`.' }) divisionId?: string;
  @ApiProperty({ type: [String] }) divisionIds!: string[];
}

export class EffectiveWorkloadPageResponse {
  @ApiProperty({ type: [EffectiveWorkloadResponse] }) items!: EffectiveWorkloadResponse[];
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
  @ApiProperty() total!: number;
}

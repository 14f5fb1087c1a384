import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsDefined, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { TEMPLATE_CATEGORIES, TEMPLATE_STATUSES } from '@regu/contracts';
import { Trim } from '../http/text.validators';

/**
 * Only presence and types are checked here. WhatsApp's rules (name characters, lengths,
 * variables, buttons, language list) are checked by the whatsapp service, which answers
 * 422 naming the component, the rule and the fix.
 */
export class TemplateDetailsBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  channelId!: string;

  @ApiProperty({ example: 'order_shipped', description: 'Lowercase letters, digits and underscores, at most 512 characters.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  name!: string;

  @ApiProperty({ enum: TEMPLATE_CATEGORIES })
  @Trim()
  @IsString()
  @IsNotEmpty()
  category!: string;

  @ApiProperty({ example: 'id', description: 'A language code WhatsApp supports, such as id or en_US.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  language!: string;
}

export class TemplateHeaderBody {
  @ApiProperty({ enum: ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT'] })
  @IsString()
  @IsNotEmpty()
  format!: string;

  @ApiPropertyOptional({ description: 'Required with format TEXT: at most 60 characters and one variable.' })
  @IsOptional()
  @IsString()
  text?: string;
}

export class TemplateButtonBody {
  @ApiProperty({ enum: ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE'] })
  @IsString()
  @IsNotEmpty()
  type!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() text?: string;
  @ApiPropertyOptional({ description: 'URL buttons; may end with {{1}}.' }) @IsOptional() @IsString() url?: string;
  @ApiPropertyOptional({ description: 'PHONE_NUMBER buttons, E.164.' }) @IsOptional() @IsString() phoneNumber?: string;
  @ApiPropertyOptional({ description: 'COPY_CODE buttons.' }) @IsOptional() @IsString() code?: string;
}

export class TemplateMessageBody {
  @ApiPropertyOptional({ type: TemplateHeaderBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => TemplateHeaderBody)
  header?: TemplateHeaderBody;

  @ApiProperty({ example: 'Hello {{1}}, your order {{2}} has shipped.' })
  @IsString()
  @IsNotEmpty()
  body!: string;

  @ApiPropertyOptional({ description: 'At most 60 characters, no variables.' })
  @IsOptional()
  @IsString()
  footer?: string;

  @ApiPropertyOptional({ type: [TemplateButtonBody] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TemplateButtonBody)
  buttons?: TemplateButtonBody[];
}

export class TemplateSamplesBody {
  @ApiPropertyOptional({ type: [String], description: 'Fills {{1}} of the header.' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  header?: string[];

  @ApiPropertyOptional({ type: [String], example: ['Budi', 'A-1001'], description: 'body[0] fills {{1}} of the body, and so on.' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  body?: string[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: "Keyed by the URL button's position, from 0." })
  @IsOptional()
  @IsObject()
  buttons?: Record<number, string>;
}

export class TemplateContentFields {
  @ApiProperty({ type: TemplateMessageBody })
  @IsDefined()
  @ValidateNested()
  @Type(() => TemplateMessageBody)
  message!: TemplateMessageBody;

  @ApiPropertyOptional({ type: TemplateSamplesBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => TemplateSamplesBody)
  samples?: TemplateSamplesBody;
}

export class CreateTemplateBody extends TemplateDetailsBody {
  @ApiProperty({ type: TemplateMessageBody })
  @IsDefined()
  @ValidateNested()
  @Type(() => TemplateMessageBody)
  message!: TemplateMessageBody;

  @ApiPropertyOptional({ type: TemplateSamplesBody })
  @IsOptional()
  @ValidateNested()
  @Type(() => TemplateSamplesBody)
  samples?: TemplateSamplesBody;
}

/** The preview renders while the admin types, so nothing in it is required. */
export class PreviewTemplateBody {
  @ApiPropertyOptional({ type: TemplateMessageBody })
  @IsOptional()
  @IsObject()
  message?: Record<string, unknown>;

  @ApiPropertyOptional({ type: TemplateSamplesBody })
  @IsOptional()
  @IsObject()
  samples?: Record<string, unknown>;
}

export class EditTemplateBody extends TemplateContentFields {
  @ApiPropertyOptional({ enum: TEMPLATE_CATEGORIES, description: 'Leave out to keep it; an APPROVED template cannot change it.' })
  @IsOptional()
  @IsIn(TEMPLATE_CATEGORIES)
  category?: string;
}

export class SyncTemplatesBody {
  @ApiProperty({ format: 'uuid', description: 'The channel whose WhatsApp Business Account is synced.' })
  @IsUUID()
  channelId!: string;
}

export class TemplateIdParams {
  @IsUUID()
  id!: string;
}

export class ListTemplatesQuery {
  @ApiPropertyOptional({ description: 'Case-insensitive text in the name or the body, matched literally.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_STATUSES })
  @IsOptional()
  @IsIn(TEMPLATE_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: TEMPLATE_CATEGORIES })
  @IsOptional()
  @IsIn(TEMPLATE_CATEGORIES)
  category?: string;

  @ApiPropertyOptional({ example: 'id' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  language?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  channelId?: string;

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

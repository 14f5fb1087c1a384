import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ROLES, type Role, type UserStatus } from '@regu/contracts';
import { MAX_PASSWORD_INPUT_LENGTH } from '../auth-routes/auth-routes.dto';
import { RequiredText, Trim } from '../http/text.validators';

export class UserIdParams {
  @IsUUID('all')
  id!: string;
}

export class CreateUserBody {
  @ApiProperty({ example: 'Budi' })
  @RequiredText(100)
  firstName!: string;

  @ApiProperty({ example: 'Santoso' })
  @RequiredText(100)
  lastName!: string;

  @ApiProperty({ example: 'budi@example.co.id', description: 'The login; unique across every organization, compared without case.' })
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: '+6281234567890', description: 'E.164; spaces, hyphens and brackets are removed.' })
  @RequiredText(32)
  phoneNumber!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ description: 'The first password: 12 to 128 characters, not the email.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_INPUT_LENGTH)
  password!: string;
}

/** Only the fields present change. */
export class UpdateUserBody {
  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(100)
  firstName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(100)
  lastName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(32)
  phoneNumber?: string;
}

export class ChangeRoleBody {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;
}

export class ChangeOwnPasswordBody {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_INPUT_LENGTH)
  currentPassword!: string;

  @ApiProperty({ description: '12 to 128 characters, not the email.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_INPUT_LENGTH)
  newPassword!: string;
}

export class SetPasswordBody {
  @ApiProperty({ description: '12 to 128 characters, not the email.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_INPUT_LENGTH)
  newPassword!: string;
}

export class ListUsersQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Case-insensitive text in the name or email. Matched literally, never as a pattern.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

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
  @Max(1_000_000)
  offset?: number;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  organizationId!: string;

  @ApiProperty()
  firstName!: string;

  @ApiProperty()
  lastName!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty()
  phoneNumber!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ enum: ['active', 'deactivated'] })
  status!: UserStatus;

  @ApiProperty({ description: 'The version, also sent as the ETag.' })
  version!: number;
}

export class UserPageResponse {
  @ApiProperty({ type: [UserResponse] })
  items!: UserResponse[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '../http/text.validators';

/**
 * The longest password the gateway forwards. The policy allows 128 code points; one code
 * point can take two UTF-16 units, which is what class-validator counts.
 */
export const MAX_PASSWORD_INPUT_LENGTH = 256;

export class LoginBody {
  @ApiProperty({ example: 'admin@regu.local' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Regu-admin-2026!' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_INPUT_LENGTH)
  password!: string;
}

export class RefreshTokenBody {
  @ApiProperty({ description: 'The refresh token of the last login or refresh.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken!: string;
}

export class TokenPairResponse {
  @ApiProperty({ description: 'ES256 JWT for the Authorization header, valid for expiresIn seconds.' })
  accessToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: 'Bearer';

  @ApiProperty({ example: 900 })
  expiresIn!: number;

  @ApiProperty({ description: 'Opaque; exchange it once at /auth/refresh for a new pair.' })
  refreshToken!: string;

  @ApiProperty({ example: '2026-01-15T08:00:00.000Z' })
  refreshTokenExpiresAt!: string;
}

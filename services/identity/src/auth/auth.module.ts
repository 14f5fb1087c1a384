import { Logger, Module, type Provider } from '@nestjs/common';
import type { Db } from 'mongodb';
import { MONGO_DB, SERVICE_ENVIRONMENT } from '@regu/service-kit';
import type { CredentialsRepository, EmailClaimsRepository, UserStreams } from '../users/application/ports';
import { DEFAULT_LOCKOUT_POLICY } from '../users/domain/user.state';
import { UsersModule } from '../users/users.module';
import type { IdentityEnvironment } from '../identity.environment';
import { CLOCK, CREDENTIALS_REPOSITORY, EMAIL_CLAIMS_REPOSITORY, LOGIN_ATTEMPTS_REPOSITORY, PASSWORD_HASHER, SIGNING_KEY, USER_REPOSITORY } from '../identity.tokens';
import { AccessTokenIssuer } from './access-token-issuer';
import { AuthController } from './api/auth.controller';
import { JwksController } from './api/jwks.controller';
import { LoginHandler } from './application/login/login.handler';
import { LogoutHandler } from './application/logout/logout.handler';
import type { LoginAttemptsRepository } from './application/ports';
import { RefreshHandler } from './application/refresh/refresh.handler';
import { TokenPairIssuer } from './application/token-pair-issuer';
import type { Clock } from './clock';
import { DevelopmentSigningKeyStore } from './infrastructure/development-signing-key.store';
import { MongoLoginAttemptsRepository } from './infrastructure/mongo-login-attempts.repository';
import type { PasswordHasher } from './password-hasher';
import { RefreshTokenService } from './refresh-token.service';
import { SigningKeyLoader, type SigningKey } from './signing-key';

/**
 * Loads IDENTITY_JWT_PRIVATE_KEY(_FILE). Without either, outside production, it uses the
 * development key stored in MongoDB, generating it on the first start.
 */
async function loadSigningKey(environment: IdentityEnvironment, db: Db): Promise<SigningKey> {
  const logger = new Logger('SigningKey');
  const configured = environment.IDENTITY_JWT_PRIVATE_KEY.trim() !== '' || environment.IDENTITY_JWT_PRIVATE_KEY_FILE.trim() !== '';
  if (configured || environment.NODE_ENV === 'production') {
    const key = await new SigningKeyLoader().load(environment);
    logger.log({ kid: key.kid }, 'signing key loaded from the environment');
    return key;
  }

  const pem = await new DevelopmentSigningKeyStore(db).loadOrCreatePem();
  const key = await new SigningKeyLoader().load({ IDENTITY_JWT_PRIVATE_KEY: pem, IDENTITY_JWT_KEY_ID: environment.IDENTITY_JWT_KEY_ID });
  logger.warn({ kid: key.kid }, 'signing with the development key stored in MongoDB; set IDENTITY_JWT_PRIVATE_KEY or IDENTITY_JWT_PRIVATE_KEY_FILE outside development');
  return key;
}

const PROVIDERS: Provider[] = [
  { provide: SIGNING_KEY, inject: [SERVICE_ENVIRONMENT, MONGO_DB], useFactory: loadSigningKey },
  { provide: LOGIN_ATTEMPTS_REPOSITORY, inject: [MONGO_DB], useFactory: (db: Db) => new MongoLoginAttemptsRepository(db) },
  {
    provide: TokenPairIssuer,
    inject: [SIGNING_KEY, SERVICE_ENVIRONMENT, CLOCK, RefreshTokenService],
    useFactory: (key: SigningKey, environment: IdentityEnvironment, clock: Clock, refreshTokens: RefreshTokenService) =>
      new TokenPairIssuer(new AccessTokenIssuer(key, { issuer: environment.JWT_ISSUER, audience: environment.JWT_AUDIENCE, ttlSeconds: environment.ACCESS_TOKEN_TTL_SECONDS }, clock), refreshTokens),
  },
  {
    provide: LoginHandler,
    inject: [USER_REPOSITORY, EMAIL_CLAIMS_REPOSITORY, CREDENTIALS_REPOSITORY, LOGIN_ATTEMPTS_REPOSITORY, PASSWORD_HASHER, TokenPairIssuer, CLOCK],
    useFactory: (
      users: UserStreams,
      emailClaims: EmailClaimsRepository,
      credentials: CredentialsRepository,
      attempts: LoginAttemptsRepository,
      hasher: PasswordHasher,
      tokens: TokenPairIssuer,
      clock: Clock,
    ) => new LoginHandler({ users, emailClaims, credentials, attempts, hasher, tokens, policy: DEFAULT_LOCKOUT_POLICY, clock }),
  },
  {
    provide: RefreshHandler,
    inject: [USER_REPOSITORY, RefreshTokenService, TokenPairIssuer],
    useFactory: (users: UserStreams, refreshTokens: RefreshTokenService, tokens: TokenPairIssuer) => new RefreshHandler(users, refreshTokens, tokens),
  },
  { provide: LogoutHandler, inject: [RefreshTokenService], useFactory: (refreshTokens: RefreshTokenService) => new LogoutHandler(refreshTokens) },
];

/** Login, refresh and logout over TCP, and the JWKS on the HTTP port. */
@Module({
  imports: [UsersModule],
  controllers: [AuthController, JwksController],
  providers: PROVIDERS,
})
export class AuthModule {}

import { Logger } from '@nestjs/common';
import type { CommandMessage, LoginPayload, TokenPair, UserEvent } from '@regu/contracts';
import { StreamVersionConflictError } from '@regu/event-sourcing';
import type { CommandActor } from '@regu/service-kit';
import type { EmailClaimsRepository, CredentialsRepository, UserStreams } from '../../../users/application/ports';
import { recordFailedLogin, recordSuccessfulLogin } from '../../../users/domain/user.decide';
import { UserLockedOutError } from '../../../users/domain/user.errors';
import { normalizeEmail } from '../../../users/domain/user-profile';
import { isLockedOut, type ActiveUser, type LockoutPolicy, type UserState } from '../../../users/domain/user.state';
import { InvalidCredentialsError } from '../../auth.errors';
import type { Clock } from '../../clock';
import type { PasswordHasher } from '../../password-hasher';
import type { LoginAttemptsRepository } from '../ports';
import type { TokenPairIssuer } from '../token-pair-issuer';

/** A failed login that loses a race with another login on the same user is recorded again this often. */
const MAX_APPEND_ATTEMPTS = 3;

export interface LoginDependencies {
  users: UserStreams;
  emailClaims: EmailClaimsRepository;
  credentials: CredentialsRepository;
  attempts: LoginAttemptsRepository;
  hasher: PasswordHasher;
  tokens: TokenPairIssuer;
  policy: LockoutPolicy;
  clock: Clock;
}

/**
 * Logs a user in with email and password. An unknown email, a wrong password and a
 * deactivated or deleted user all get INVALID_CREDENTIALS (401) after the same argon2
 * work. Failures are counted per user, or per email when no active user has it, and the
 * failure that reaches the maximum locks for the policy's duration: every login on that
 * email then gets USER_LOCKED_OUT (429), whether or not the account exists.
 */
export class LoginHandler {
  private readonly logger = new Logger(LoginHandler.name);

  constructor(private readonly dependencies: LoginDependencies) {}

  async execute({ caller, payload }: CommandMessage<LoginPayload>): Promise<TokenPair> {
    const email = normalizeEmail(String(payload.email ?? ''));
    const password = String(payload.password ?? '');
    const now = this.dependencies.clock();

    const user = await this.findActiveUser(email);
    if (user === null) {
      return this.rejectWithoutUser(email, password, now);
    }
    if (isLockedOut(user.state, now) && user.state.login.lockedUntil !== null) {
      throw new UserLockedOutError(user.state.login.lockedUntil);
    }

    const actor: CommandActor = { organizationId: user.state.organizationId, userId: user.state.userId, role: 'system', correlationId: caller.correlationId };
    const credentials = await this.dependencies.credentials.find(user.state.userId);
    const verified = credentials === null ? await this.dependencies.hasher.verifyWithoutUser(password) : await this.dependencies.hasher.verify(credentials.passwordHash, password);
    if (!verified) {
      await this.recordWithRetry(user.state.userId, actor, (state) => recordFailedLogin({ userId: user.state.userId, now, policy: this.dependencies.policy }, state));
      this.logger.log({ userId: user.state.userId, organizationId: user.state.organizationId, correlationId: caller.correlationId }, 'login rejected: wrong password');
      throw new InvalidCredentialsError();
    }

    await this.recordWithRetry(user.state.userId, actor, (state) => recordSuccessfulLogin({ userId: user.state.userId, now }, state));
    if (credentials !== null && this.dependencies.hasher.needsRehash(credentials.passwordHash)) {
      const passwordHash = await this.dependencies.hasher.hash(password);
      await this.dependencies.credentials.save({ ...credentials, passwordHash, updatedAt: now });
    }

    this.logger.log({ userId: user.state.userId, organizationId: user.state.organizationId, correlationId: caller.correlationId }, 'login succeeded');
    return this.dependencies.tokens.issue(user.state);
  }

  private async findActiveUser(email: string): Promise<{ state: ActiveUser; version: number } | null> {
    const claim = email === '' ? null : await this.dependencies.emailClaims.find(email);
    if (claim === null) {
      return null;
    }
    const { state, version } = await this.dependencies.users.load(claim.userId);
    if (state.status !== 'active' || state.email !== email) {
      return null;
    }
    return { state, version };
  }

  private async rejectWithoutUser(email: string, password: string, now: Date): Promise<never> {
    const lockedUntil = await this.dependencies.attempts.lockedUntil(email, now);
    if (lockedUntil !== null) {
      throw new UserLockedOutError(lockedUntil);
    }
    await this.dependencies.hasher.verifyWithoutUser(password);
    await this.dependencies.attempts.recordFailure(email, now, this.dependencies.policy);
    throw new InvalidCredentialsError();
  }

  /**
   * Runs a login decider on the newest state and appends its events. Logins on one user
   * can race, and each must be counted, so a version conflict reloads and decides again.
   */
  private async recordWithRetry(userId: string, actor: CommandActor, decide: (state: UserState) => UserEvent[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const { state, version } = await this.dependencies.users.load(userId);
      const events = decide(state);
      try {
        await this.dependencies.users.append(userId, version, events, actor);
        return;
      } catch (error) {
        if (!(error instanceof StreamVersionConflictError) || attempt >= MAX_APPEND_ATTEMPTS) {
          throw error;
        }
      }
    }
  }
}

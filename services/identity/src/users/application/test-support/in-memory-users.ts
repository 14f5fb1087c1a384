import { randomUUID } from 'node:crypto';
import type { CallerContext, Role, UserEvent } from '@regu/contracts';
import { StreamVersionConflictError } from '@regu/event-sourcing';
import type { CommandActor, Loaded } from '@regu/service-kit';
import type { PasswordHasher } from '../../../auth/password-hasher';
import { PasswordPolicy } from '../../../auth/password-policy';
import { RefreshTokenService } from '../../../auth/refresh-token.service';
import { InMemoryRefreshTokenRepository } from '../../../auth/test-support/in-memory-refresh-token.repository';
import { foldUser } from '../../domain/user.evolve';
import type { UserState } from '../../domain/user.state';
import { EmailReservation } from '../email-reservation';
import type { NewUserDependencies } from '../new-user';
import type { Credentials, CredentialsRepository, EmailClaim, EmailClaimsRepository, UserStreams } from '../ports';

/** User streams in a Map, with the event store's version check, for unit specs only. */
export class InMemoryUserStreams implements UserStreams {
  readonly streams = new Map<string, UserEvent[]>();
  readonly appended: { userId: string; events: UserEvent[]; actor: CommandActor }[] = [];

  async load(userId: string): Promise<Loaded<UserState>> {
    const events = this.streams.get(userId) ?? [];
    return { state: foldUser(events), version: events.length };
  }

  async append(userId: string, expectedVersion: number, events: UserEvent[], actor: CommandActor) {
    const stream = this.streams.get(userId) ?? [];
    if (stream.length !== expectedVersion) {
      throw new StreamVersionConflictError(userId, expectedVersion, stream.length);
    }
    this.streams.set(userId, [...stream, ...events]);
    if (events.length > 0) {
      this.appended.push({ userId, events, actor });
    }
    return { nextVersion: expectedVersion + events.length, events: [] };
  }

  eventsOf(userId: string): UserEvent[] {
    return this.streams.get(userId) ?? [];
  }
}

export class InMemoryCredentials implements CredentialsRepository {
  readonly records = new Map<string, Credentials>();

  async find(userId: string): Promise<Credentials | null> {
    return this.records.get(userId) ?? null;
  }

  async save(credentials: Credentials): Promise<void> {
    this.records.set(credentials.userId, credentials);
  }

  async insertIfAbsent(credentials: Credentials): Promise<boolean> {
    if (this.records.has(credentials.userId)) {
      return false;
    }
    this.records.set(credentials.userId, credentials);
    return true;
  }

  async delete(userId: string): Promise<void> {
    this.records.delete(userId);
  }
}

export class InMemoryEmailClaims implements EmailClaimsRepository {
  readonly claims = new Map<string, EmailClaim>();

  async find(email: string): Promise<EmailClaim | null> {
    return this.claims.get(email) ?? null;
  }

  async claim(claim: EmailClaim): Promise<EmailClaim> {
    const holder = this.claims.get(claim.email);
    if (holder !== undefined) {
      return holder;
    }
    this.claims.set(claim.email, claim);
    return claim;
  }

  async takeOver(previousUserId: string, claim: EmailClaim): Promise<boolean> {
    if (this.claims.get(claim.email)?.userId !== previousUserId) {
      return false;
    }
    this.claims.set(claim.email, claim);
    return true;
  }

  async release(email: string, userId: string): Promise<void> {
    if (this.claims.get(email)?.userId === userId) {
      this.claims.delete(email);
    }
  }
}

/** A reversible stand-in for argon2, so specs run fast. Never use it outside specs. */
export const fakeHasher: PasswordHasher = {
  hash: async (password) => `hashed:${password}`,
  verify: async (hash, password) => hash === `hashed:${password}`,
  needsRehash: () => false,
  verifyWithoutUser: async () => false,
};

export const NOW = new Date('2026-03-01T08:00:00.000Z');

/** Everything a user use case needs, in memory, with an active admin already registered. */
export function usersFixture() {
  const users = new InMemoryUserStreams();
  const credentials = new InMemoryCredentials();
  const claims = new InMemoryEmailClaims();
  const clock = () => NOW;
  const emails = new EmailReservation(claims, users, clock);
  const refreshTokenRepository = new InMemoryRefreshTokenRepository();
  const refreshTokens = new RefreshTokenService(refreshTokenRepository, clock);
  const newUsers: NewUserDependencies = { users, credentials, emails, hasher: fakeHasher, policy: new PasswordPolicy(), clock };
  const organizationId = randomUUID();

  /** Registers a user directly in the streams, as if an earlier command had. */
  async function givenUser(role: Role, overrides: Partial<{ email: string; password: string; organizationId: string }> = {}) {
    const userId = randomUUID();
    const email = overrides.email ?? `${role}.${userId.slice(0, 8)}@example.com`;
    const userOrganizationId = overrides.organizationId ?? organizationId;
    users.streams.set(userId, [{ type: 'UserRegistered', data: { userId, organizationId: userOrganizationId, firstName: 'Ani', lastName: 'Wijaya', email, phoneNumber: '+6281234567890', role } }]);
    await claims.claim({ email, userId, organizationId: userOrganizationId, claimedAt: NOW });
    await credentials.save({ userId, organizationId: userOrganizationId, passwordHash: await fakeHasher.hash(overrides.password ?? 'correct horse battery'), updatedAt: NOW });
    const caller: CallerContext = { userId, organizationId: userOrganizationId, role, correlationId: randomUUID() };
    return { userId, email, caller };
  }

  return { users, credentials, claims, emails, refreshTokens, refreshTokenRepository, newUsers, organizationId, clock, givenUser };
}

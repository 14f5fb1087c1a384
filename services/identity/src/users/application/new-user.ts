import type { UserEvent, UserRegisteredData, UserView } from '@regu/contracts';
import { NO_STREAM } from '@regu/event-sourcing';
import type { CommandActor } from '@regu/service-kit';
import type { PasswordHasher } from '../../auth/password-hasher';
import type { PasswordPolicy } from '../../auth/password-policy';
import type { Clock } from '../../auth/clock';
import { foldUser } from '../domain/user.evolve';
import type { EmailReservation } from './email-reservation';
import type { CredentialsRepository, UserStreams } from './ports';
import { requireUserOf, toUserView } from './user-view';

export interface NewUserDependencies {
  users: UserStreams;
  credentials: CredentialsRepository;
  emails: EmailReservation;
  hasher: PasswordHasher;
  policy: PasswordPolicy;
  clock: Clock;
}

/**
 * Stores a user whose `UserRegistered` event a decider returned: reserves the email,
 * stores the password hash, then appends the event. When a step fails, the email and
 * the hash are released again, so the same request can be retried.
 */
export async function storeNewUser(dependencies: NewUserDependencies, events: UserEvent[], password: string, actor: CommandActor): Promise<UserView> {
  const registered = events.find((event) => event.type === 'UserRegistered')?.data as UserRegisteredData | undefined;
  if (registered === undefined) {
    throw new Error('storeNewUser needs a UserRegistered event');
  }
  const { userId, organizationId, email } = registered;
  dependencies.policy.assertAcceptable(password, email);

  await dependencies.emails.reserve(email, userId, organizationId);
  try {
    const passwordHash = await dependencies.hasher.hash(password);
    await dependencies.credentials.save({ userId, organizationId, passwordHash, updatedAt: dependencies.clock() });
    const result = await dependencies.users.append(userId, NO_STREAM, events, actor);
    return toUserView(requireUserOf(foldUser(events), organizationId, userId), result.nextVersion);
  } catch (error) {
    await dependencies.credentials.delete(userId);
    await dependencies.emails.release(email, userId);
    throw error;
  }
}

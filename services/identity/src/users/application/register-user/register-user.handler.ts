import type { CommandMessage, RegisterUserPayload, UserView } from '@regu/contracts';
import { registerUser } from '../../domain/user.decide';
import { INITIAL_USER_STATE } from '../../domain/user.state';
import { storeNewUser, type NewUserDependencies } from '../new-user';
import { requireActiveAdmin } from '../require-active-admin';

/** An admin registers a user of their organization with a first password. */
export class RegisterUserHandler {
  constructor(
    private readonly dependencies: NewUserDependencies,
    private readonly newId: () => string,
  ) {}

  async execute({ caller, payload }: CommandMessage<RegisterUserPayload>): Promise<UserView> {
    await requireActiveAdmin(this.dependencies.users, caller);

    const events = registerUser(
      {
        caller,
        userId: this.newId(),
        firstName: payload.firstName,
        lastName: payload.lastName,
        email: payload.email,
        phoneNumber: payload.phoneNumber,
        role: payload.role,
        // The email is reserved atomically in storeNewUser, after the decider validated it.
        userIdWithEmail: null,
      },
      INITIAL_USER_STATE,
    );

    return storeNewUser(this.dependencies, events, payload.password, caller);
  }
}

import type { CommandMessage, UserIdPayload, UserView } from '@regu/contracts';
import { reactivateUser } from '../../domain/user.decide';
import type { UserStreams } from '../ports';
import { requireActiveAdmin } from '../require-active-admin';
import { appendAndView, loadForCommand } from '../user-commands';

/** An admin reactivates a deactivated user, who can log in again with their password. */
export class ReactivateUserHandler {
  constructor(private readonly users: UserStreams) {}

  async execute({ caller, payload, expectedVersion }: CommandMessage<UserIdPayload>): Promise<UserView> {
    await requireActiveAdmin(this.users, caller);
    const loaded = await loadForCommand(this.users, payload.userId, expectedVersion);

    const events = reactivateUser({ caller, userId: payload.userId }, loaded.state);

    return appendAndView(this.users, payload.userId, loaded, events, caller);
  }
}

import type { ChangeUserRolePayload, CommandMessage, UserView } from '@regu/contracts';
import { changeUserRole } from '../../domain/user.decide';
import type { UserStreams } from '../ports';
import { requireActiveAdmin } from '../require-active-admin';
import { appendAndView, loadForCommand } from '../user-commands';

/** An admin changes another user's role. The next access token the user gets carries the new role. */
export class ChangeUserRoleHandler {
  constructor(private readonly users: UserStreams) {}

  async execute({ caller, payload, expectedVersion }: CommandMessage<ChangeUserRolePayload>): Promise<UserView> {
    await requireActiveAdmin(this.users, caller);
    const loaded = await loadForCommand(this.users, payload.userId, expectedVersion);

    const events = changeUserRole({ caller, userId: payload.userId, role: payload.role }, loaded.state);

    return appendAndView(this.users, payload.userId, loaded, events, caller);
  }
}

import type { CommandMessage, UserIdPayload, UserView } from '@regu/contracts';
import { UserNotFoundError } from '../../domain/user.errors';
import type { UserStreams } from '../ports';
import { requireUserOf, toUserView } from '../user-view';

/**
 * Reads one user from its stream, so a client reads its own write at once. Admins and
 * supervisors read every user of their organization; agents read only themselves.
 */
export class GetUserHandler {
  constructor(private readonly users: UserStreams) {}

  async execute({ caller, payload }: CommandMessage<UserIdPayload>): Promise<UserView> {
    if (caller.role === 'agent' && caller.userId !== payload.userId) {
      throw new UserNotFoundError(payload.userId);
    }

    const { state, version } = await this.users.load(payload.userId);

    return toUserView(requireUserOf(state, caller.organizationId, payload.userId), version);
  }
}

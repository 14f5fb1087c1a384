import { type CommandMessage, DomainError, type ListUsersPayload, type UserPage } from '@regu/contracts';
import type { UsersReadModel } from '../ports';

/** The most users one page returns. */
export const MAX_PAGE_SIZE = 100;

/** Lists the users of the caller's organization from the read model, which lags the streams by a moment. */
export class ListUsersHandler {
  constructor(private readonly readModel: UsersReadModel) {}

  async execute({ caller, payload }: CommandMessage<ListUsersPayload>): Promise<UserPage> {
    if (caller.role === 'agent') {
      throw new DomainError('ROLE_NOT_ALLOWED', 403, 'Agents may read only their own profile.', { role: caller.role, allowed: 'admin, supervisor' });
    }

    const limit = Math.min(Math.max(Math.trunc(payload.limit ?? 20), 1), MAX_PAGE_SIZE);
    const offset = Math.max(Math.trunc(payload.offset ?? 0), 0);
    const q = typeof payload.q === 'string' && payload.q.trim() !== '' ? payload.q.trim() : undefined;
    const role = typeof payload.role === 'string' ? payload.role : undefined;

    return this.readModel.list(caller.organizationId, { role, q, limit, offset });
  }
}

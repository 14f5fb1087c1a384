import { randomUUID } from 'node:crypto';
import type { CallerContext, ListUsersPayload } from '@regu/contracts';
import { ListUsersHandler } from './list-users.handler';

function callerWith(role: CallerContext['role']): CallerContext {
  return { userId: randomUUID(), organizationId: randomUUID(), role, correlationId: randomUUID() };
}

describe('ListUsersHandler', () => {
  it('queries the read model of the caller organization with a capped page', async () => {
    const calls: [string, ListUsersPayload][] = [];
    const handler = new ListUsersHandler({ list: async (organizationId, query) => (calls.push([organizationId, query]), { items: [], total: 0, limit: query.limit, offset: query.offset }) });
    const caller = callerWith('supervisor');

    await handler.execute({ caller, payload: { q: '  budi ', role: 'agent', limit: 500, offset: -3 } });

    expect(calls).toEqual([[caller.organizationId, { q: 'budi', role: 'agent', limit: 100, offset: 0 }]]);
  });

  it('rejects an agent', async () => {
    const handler = new ListUsersHandler({ list: async () => ({ items: [], total: 0, limit: 20, offset: 0 }) });

    await expect(handler.execute({ caller: callerWith('agent'), payload: { limit: 20, offset: 0 } })).rejects.toMatchObject({ code: 'ROLE_NOT_ALLOWED', status: 403 });
  });
});

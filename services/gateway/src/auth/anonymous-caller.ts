import type { CallerContext } from '@regu/contracts';

/**
 * The caller of the gateway's own public requests, such as health checks and login.
 * Services must never treat it as a member of any organization.
 */
export const ANONYMOUS_CALLER: CallerContext = { organizationId: '', userId: '', role: 'agent', correlationId: '' };

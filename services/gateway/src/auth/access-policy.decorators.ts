import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { CallerContext, Role } from '@regu/contracts';

export const PUBLIC_ROUTE = 'regu:public-route';
export const ALLOWED_ROLES = 'regu:allowed-roles';

/** Opts a route out of authentication, such as login. Every other route needs a valid token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/**
 * Lists the roles that may call a route. Without it, reads (GET) are open to admins and
 * supervisors and every change is admin-only.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_ROLES, roles);

/** The request after AccessPolicyGuard accepted its token. */
export interface AuthenticatedRequest extends Request {
  caller: CallerContext;
}

/** Injects the verified caller: organization, user id, role and correlation id. */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): CallerContext => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
});

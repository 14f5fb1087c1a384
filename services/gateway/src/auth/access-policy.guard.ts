import { type CanActivate, type ExecutionContext, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessTokenVerifier, extractBearerToken } from '@regu/auth';
import { DomainError, type Role } from '@regu/contracts';
import { ProblemException } from '../http/problem.exception';
import { CORRELATION_ID_HEADER } from '../http/correlation-id.middleware';
import { ALLOWED_ROLES, type AuthenticatedRequest, PUBLIC_ROUTE } from './access-policy.decorators';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const DEFAULT_READ_ROLES: Role[] = ['admin', 'supervisor'];
const DEFAULT_WRITE_ROLES: Role[] = ['admin'];

/**
 * The global guard. It verifies the bearer token (401 when missing or invalid) and the
 * caller's role (403), and sets `request.caller`. The organization comes from the token
 * only. A route is public only when it says so with @Public().
 */
@Injectable()
export class AccessPolicyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(AccessTokenVerifier) private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) {
      return true;
    }

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = await this.verify(request.headers.authorization);
    const allowed = this.reflector.getAllAndOverride<Role[]>(ALLOWED_ROLES, targets) ?? (READ_METHODS.has(request.method) ? DEFAULT_READ_ROLES : DEFAULT_WRITE_ROLES);
    if (!allowed.includes(token.role)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, 'ROLE_NOT_ALLOWED', { role: token.role, allowed: allowed.join(', ') });
    }

    request.caller = {
      organizationId: token.organizationId,
      userId: token.userId,
      role: token.role,
      correlationId: String(request.headers[CORRELATION_ID_HEADER]),
    };
    return true;
  }

  private async verify(authorization: string | undefined) {
    try {
      return await this.verifier.verify(extractBearerToken(authorization));
    } catch (error) {
      if (error instanceof DomainError && error.status === HttpStatus.UNAUTHORIZED) {
        throw new ProblemException(HttpStatus.UNAUTHORIZED, tokenProblemCode(error.code), {}, [], undefined, { 'WWW-Authenticate': 'Bearer' });
      }
      throw error;
    }
  }
}

function tokenProblemCode(code: string): string {
  if (code.includes('EXPIRED')) {
    return 'ACCESS_TOKEN_EXPIRED';
  }
  if (code.includes('MISSING')) {
    return 'AUTHENTICATION_REQUIRED';
  }
  return 'ACCESS_TOKEN_INVALID';
}

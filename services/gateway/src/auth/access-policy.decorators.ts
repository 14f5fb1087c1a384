import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import type { CallerContext, Role } from '@regu/contracts';

export const PUBLIC_ROUTE = 'regu:public-route';
export const ALLOWED_ROLES = 'regu:allowed-roles';

/** OpenAPI extensions that publish the access policy, so tests can enumerate it from /api/docs-json. */
export const OPENAPI_PUBLIC_EXTENSION = 'x-regu-public';
export const OPENAPI_ROLES_EXTENSION = 'x-regu-roles';

/**
 * Opts a route out of authentication, such as login. Every other route needs a valid token.
 * The OpenAPI operation gets `x-regu-public: true`.
 */
export const Public = (): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), documentOnEveryRoute(OPENAPI_PUBLIC_EXTENSION, true));

/**
 * Lists the roles that may call a route. Without it, reads (GET) are open to admins and
 * supervisors and every change is admin-only. The OpenAPI operation gets `x-regu-roles`.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(ALLOWED_ROLES, roles), documentOnEveryRoute(OPENAPI_ROLES_EXTENSION, roles));

/**
 * Adds an OpenAPI extension to a route, or to every method of a controller: @nestjs/swagger
 * 11 ignores ApiExtension on a class. A method's own decorator, applied first, is kept.
 */
function documentOnEveryRoute(name: string, value: unknown): MethodDecorator & ClassDecorator {
  return ((target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    if (descriptor !== undefined) {
      ApiExtension(name, value)(target, key as string | symbol, descriptor);
      return;
    }
    const prototype = (target as { prototype: Record<string, unknown> }).prototype;
    for (const method of Object.getOwnPropertyNames(prototype)) {
      const methodDescriptor = Object.getOwnPropertyDescriptor(prototype, method);
      const existing = typeof methodDescriptor?.value === 'function' ? (Reflect.getMetadata('swagger/apiExtension', methodDescriptor.value) as Record<string, unknown> | undefined) : undefined;
      if (method !== 'constructor' && methodDescriptor !== undefined && typeof methodDescriptor.value === 'function' && existing?.[name] === undefined) {
        ApiExtension(name, value)(prototype, method, methodDescriptor);
      }
    }
  }) as MethodDecorator & ClassDecorator;
}

/** The request after AccessPolicyGuard accepted its token. */
export interface AuthenticatedRequest extends Request {
  caller: CallerContext;
}

/** Injects the verified caller: organization, user id, role and correlation id. */
export const Caller = createParamDecorator((_: unknown, context: ExecutionContext): CallerContext => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
});

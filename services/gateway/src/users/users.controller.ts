import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import type { Response } from 'express';
import { type CallerContext, IDENTITY_PATTERNS, ROLES, type UserPage, type UserView } from '@regu/contracts';
import { Caller, Roles } from '../auth/access-policy.decorators';
import { ApiProblems } from '../http/api-problems.decorator';
import { IfMatch, setETag } from '../http/if-match';
import type { ServiceClient } from '../service-clients/service-client';
import { IDENTITY_SERVICE } from '../service-clients/service-clients.module';
import {
  ChangeOwnPasswordBody,
  ChangeRoleBody,
  CreateUserBody,
  ListUsersQuery,
  SetPasswordBody,
  UpdateUserBody,
  UserIdParams,
  UserPageResponse,
  UserResponse,
} from './users.dto';

const IF_MATCH_HEADER = { name: 'If-Match', required: false, description: 'The ETag of the user as last read; a stale one gets 412.' };

/**
 * Users of the caller's organization. Admins change them; admins and supervisors read
 * them; every role reads its own profile at /users/me and changes its own password.
 */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(@Inject(IDENTITY_SERVICE) private readonly identity: ServiceClient) {}

  @Get('me')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Read your own profile' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(404)
  async me(@Caller() caller: CallerContext, @Res({ passthrough: true }) response: Response): Promise<UserView> {
    return this.withETag(response, this.identity.send<UserView>(IDENTITY_PATTERNS.getUser, caller, { userId: caller.userId }));
  }

  @Post('me/password')
  @Roles(...ROLES)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Change your own password', description: 'Needs the current password. Ends every other session of yours: their refresh tokens are revoked.' })
  @ApiNoContentResponse()
  @ApiProblems(400, 404)
  async changeOwnPassword(@Caller() caller: CallerContext, @Body() body: ChangeOwnPasswordBody): Promise<void> {
    await this.identity.send(IDENTITY_PATTERNS.changePassword, caller, { userId: caller.userId, currentPassword: body.currentPassword, newPassword: body.newPassword });
  }

  @Post()
  @ApiOperation({ summary: 'Register a user', description: 'Admins only. The role and the organization never come from anything but this body and the token.' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiProblems(400, 403, 409)
  async create(@Caller() caller: CallerContext, @Body() body: CreateUserBody, @Res({ passthrough: true }) response: Response): Promise<UserView> {
    const user = await this.withETag(response, this.identity.send<UserView>(IDENTITY_PATTERNS.registerUser, caller, { ...body }));
    response.setHeader('Location', `/api/v1/users/${user.id}`);
    return user;
  }

  @Get()
  @ApiOperation({ summary: 'List users', description: 'Admins and supervisors. Sorted by last and first name. The list follows changes within a moment, not at once.' })
  @ApiOkResponse({ type: UserPageResponse })
  @ApiProblems(400, 403)
  list(@Caller() caller: CallerContext, @Query() query: ListUsersQuery): Promise<UserPage> {
    return this.identity.send(IDENTITY_PATTERNS.listUsers, caller, { role: query.role, q: query.q, limit: query.limit ?? 20, offset: query.offset ?? 0 });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a user', description: 'Admins and supervisors. A user of another organization gets 404, as an unknown id does.' })
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 403, 404)
  get(@Caller() caller: CallerContext, @Param() params: UserIdParams, @Res({ passthrough: true }) response: Response): Promise<UserView> {
    return this.withETag(response, this.identity.send<UserView>(IDENTITY_PATTERNS.getUser, caller, { userId: params.id }));
  }

  @Patch(':id')
  @ApiOperation({ summary: "Edit a user's name, email or phone number" })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 403, 404, 409, 412)
  update(
    @Caller() caller: CallerContext,
    @Param() params: UserIdParams,
    @Body() body: UpdateUserBody,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UserView> {
    return this.withETag(response, this.identity.send<UserView>(IDENTITY_PATTERNS.editUserProfile, caller, { userId: params.id, changes: { ...body } }, expectedVersion));
  }

  @Put(':id/role')
  @ApiOperation({ summary: "Change a user's role", description: 'Not your own. The user gets the new role with the next access token, within 15 minutes.' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 403, 404, 409, 412)
  changeRole(
    @Caller() caller: CallerContext,
    @Param() params: UserIdParams,
    @Body() body: ChangeRoleBody,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<UserView> {
    return this.withETag(response, this.identity.send<UserView>(IDENTITY_PATTERNS.changeUserRole, caller, { userId: params.id, role: body.role }, expectedVersion));
  }

  @Post(':id/deactivate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Deactivate a user', description: 'Not yourself. Ends the user\'s sessions; an access token already issued works until it expires.' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 403, 404, 409, 412)
  deactivate(@Caller() caller: CallerContext, @Param() params: UserIdParams, @IfMatch() expectedVersion: number | undefined, @Res({ passthrough: true }) response: Response): Promise<UserView> {
    return this.withETag(response, this.identity.send<UserView>(IDENTITY_PATTERNS.deactivateUser, caller, { userId: params.id }, expectedVersion));
  }

  @Post(':id/reactivate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Reactivate a user' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: UserResponse })
  @ApiProblems(400, 403, 404, 412)
  reactivate(@Caller() caller: CallerContext, @Param() params: UserIdParams, @IfMatch() expectedVersion: number | undefined, @Res({ passthrough: true }) response: Response): Promise<UserView> {
    return this.withETag(response, this.identity.send<UserView>(IDENTITY_PATTERNS.reactivateUser, caller, { userId: params.id }, expectedVersion));
  }

  @Post(':id/password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: "Set another user's password", description: "Admins only. Ends the user's sessions." })
  @ApiNoContentResponse()
  @ApiProblems(400, 403, 404)
  async setPassword(@Caller() caller: CallerContext, @Param() params: UserIdParams, @Body() body: SetPasswordBody): Promise<void> {
    await this.identity.send(IDENTITY_PATTERNS.changePassword, caller, { userId: params.id, newPassword: body.newPassword });
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a user', description: 'Not yourself. Idempotent; the email can be registered again afterwards.' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiNoContentResponse()
  @ApiProblems(400, 403, 404, 409, 412)
  async delete(@Caller() caller: CallerContext, @Param() params: UserIdParams, @IfMatch() expectedVersion: number | undefined): Promise<void> {
    await this.identity.send(IDENTITY_PATTERNS.deleteUser, caller, { userId: params.id }, expectedVersion);
  }

  private async withETag(response: Response, pending: Promise<UserView>): Promise<UserView> {
    const user = await pending;
    setETag(response, user.version);
    return user;
  }
}

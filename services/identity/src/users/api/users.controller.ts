import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  type ChangePasswordPayload,
  type ChangeUserRolePayload,
  type CommandMessage,
  type EditUserProfilePayload,
  IDENTITY_PATTERNS,
  type ListUsersPayload,
  type RegisterUserPayload,
  type UserIdPayload,
  type UserPage,
  type UserView,
} from '@regu/contracts';
import { ChangePasswordHandler } from '../application/change-password/change-password.handler';
import { ChangeUserRoleHandler } from '../application/change-user-role/change-user-role.handler';
import { DeactivateUserHandler } from '../application/deactivate-user/deactivate-user.handler';
import { DeleteUserHandler } from '../application/delete-user/delete-user.handler';
import { EditUserProfileHandler } from '../application/edit-user-profile/edit-user-profile.handler';
import { GetUserHandler } from '../application/get-user/get-user.handler';
import { ListUsersHandler } from '../application/list-users/list-users.handler';
import { ReactivateUserHandler } from '../application/reactivate-user/reactivate-user.handler';
import { RegisterUserHandler } from '../application/register-user/register-user.handler';

/** The user commands and queries the gateway sends over TCP. Replies to commands without a result are `{}`. */
@Controller()
export class UsersController {
  constructor(
    private readonly registerUser: RegisterUserHandler,
    private readonly editUserProfile: EditUserProfileHandler,
    private readonly changeUserRole: ChangeUserRoleHandler,
    private readonly deactivateUser: DeactivateUserHandler,
    private readonly reactivateUser: ReactivateUserHandler,
    private readonly deleteUser: DeleteUserHandler,
    private readonly changePassword: ChangePasswordHandler,
    private readonly getUser: GetUserHandler,
    private readonly listUsers: ListUsersHandler,
  ) {}

  @MessagePattern(IDENTITY_PATTERNS.registerUser)
  register(@Payload() message: CommandMessage<RegisterUserPayload>): Promise<UserView> {
    return this.registerUser.execute(message);
  }

  @MessagePattern(IDENTITY_PATTERNS.editUserProfile)
  edit(@Payload() message: CommandMessage<EditUserProfilePayload>): Promise<UserView> {
    return this.editUserProfile.execute(message);
  }

  @MessagePattern(IDENTITY_PATTERNS.changeUserRole)
  changeRole(@Payload() message: CommandMessage<ChangeUserRolePayload>): Promise<UserView> {
    return this.changeUserRole.execute(message);
  }

  @MessagePattern(IDENTITY_PATTERNS.deactivateUser)
  deactivate(@Payload() message: CommandMessage<UserIdPayload>): Promise<UserView> {
    return this.deactivateUser.execute(message);
  }

  @MessagePattern(IDENTITY_PATTERNS.reactivateUser)
  reactivate(@Payload() message: CommandMessage<UserIdPayload>): Promise<UserView> {
    return this.reactivateUser.execute(message);
  }

  @MessagePattern(IDENTITY_PATTERNS.deleteUser)
  async delete(@Payload() message: CommandMessage<UserIdPayload>): Promise<Record<string, never>> {
    await this.deleteUser.execute(message);
    return {};
  }

  @MessagePattern(IDENTITY_PATTERNS.changePassword)
  async setPassword(@Payload() message: CommandMessage<ChangePasswordPayload>): Promise<Record<string, never>> {
    await this.changePassword.execute(message);
    return {};
  }

  @MessagePattern(IDENTITY_PATTERNS.getUser)
  get(@Payload() message: CommandMessage<UserIdPayload>): Promise<UserView> {
    return this.getUser.execute(message);
  }

  @MessagePattern(IDENTITY_PATTERNS.listUsers)
  list(@Payload() message: CommandMessage<ListUsersPayload>): Promise<UserPage> {
    return this.listUsers.execute(message);
  }
}

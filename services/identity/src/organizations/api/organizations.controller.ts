import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type CommandMessage, type CreatedOrganizationView, type CreateOrganizationPayload, IDENTITY_PATTERNS } from '@regu/contracts';
import { CreateOrganizationHandler } from '../application/create-organization/create-organization.handler';

/**
 * Creates organizations over TCP. The gateway has no route for it: operators and the
 * end-to-end harness send it to identity's TCP port, which, like every service's TCP
 * port, must be reachable only from inside the deployment.
 */
@Controller()
export class OrganizationsController {
  constructor(private readonly createOrganization: CreateOrganizationHandler) {}

  @MessagePattern(IDENTITY_PATTERNS.createOrganization)
  create(@Payload() message: CommandMessage<CreateOrganizationPayload>): Promise<CreatedOrganizationView> {
    return this.createOrganization.execute(message);
  }
}

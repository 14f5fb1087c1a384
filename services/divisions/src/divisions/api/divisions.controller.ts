import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { CommandMessage } from '@regu/contracts';
import { AddAgentsToDivisionHandler, type AddAgentsToDivisionPayload } from '../application/add-agents-to-division/add-agents-to-division.handler';
import { CreateDivisionHandler, type CreateDivisionPayload } from '../application/create-division/create-division.handler';
import { DeleteDivisionHandler, type DeleteDivisionPayload, type DeleteDivisionResult } from '../application/delete-division/delete-division.handler';
import type { DivisionView } from '../application/division-view';
import { GetDivisionHandler, type GetDivisionPayload } from '../application/get-division/get-division.handler';
import { ListDivisionsHandler, type DivisionPage, type ListDivisionsPayload } from '../application/list-divisions/list-divisions.handler';
import {
  RemoveAgentFromDivisionHandler,
  type RemoveAgentFromDivisionPayload,
} from '../application/remove-agent-from-division/remove-agent-from-division.handler';
import { UpdateDivisionHandler, type UpdateDivisionPayload } from '../application/update-division/update-division.handler';

/** The gateway's division commands and queries over TCP. Every write returns the new `version`, the ETag. */
@Controller()
export class DivisionsController {
  constructor(
    @Inject(CreateDivisionHandler) private readonly createDivision: CreateDivisionHandler,
    @Inject(UpdateDivisionHandler) private readonly updateDivision: UpdateDivisionHandler,
    @Inject(AddAgentsToDivisionHandler) private readonly addAgents: AddAgentsToDivisionHandler,
    @Inject(RemoveAgentFromDivisionHandler) private readonly removeAgent: RemoveAgentFromDivisionHandler,
    @Inject(DeleteDivisionHandler) private readonly deleteDivision: DeleteDivisionHandler,
    @Inject(GetDivisionHandler) private readonly getDivision: GetDivisionHandler,
    @Inject(ListDivisionsHandler) private readonly listDivisions: ListDivisionsHandler,
  ) {}

  @MessagePattern('divisions.create-division')
  create(@Payload() message: CommandMessage<CreateDivisionPayload>): Promise<DivisionView> {
    return this.createDivision.execute(message.caller, message.payload);
  }

  @MessagePattern('divisions.update-division')
  update(@Payload() message: CommandMessage<UpdateDivisionPayload>): Promise<DivisionView> {
    return this.updateDivision.execute(message.caller, message.payload, message.expectedVersion);
  }

  @MessagePattern('divisions.add-agents-to-division')
  addAgentsToDivision(@Payload() message: CommandMessage<AddAgentsToDivisionPayload>): Promise<DivisionView> {
    return this.addAgents.execute(message.caller, message.payload, message.expectedVersion);
  }

  @MessagePattern('divisions.remove-agent-from-division')
  removeAgentFromDivision(@Payload() message: CommandMessage<RemoveAgentFromDivisionPayload>): Promise<DivisionView> {
    return this.removeAgent.execute(message.caller, message.payload, message.expectedVersion);
  }

  @MessagePattern('divisions.delete-division')
  delete(@Payload() message: CommandMessage<DeleteDivisionPayload>): Promise<DeleteDivisionResult> {
    return this.deleteDivision.execute(message.caller, message.payload, message.expectedVersion);
  }

  @MessagePattern('divisions.get-division')
  get(@Payload() message: CommandMessage<GetDivisionPayload>): Promise<DivisionView> {
    return this.getDivision.execute(message.caller, message.payload);
  }

  @MessagePattern('divisions.list-divisions')
  list(@Payload() message: CommandMessage<ListDivisionsPayload>): Promise<DivisionPage> {
    return this.listDivisions.execute(message.caller, message.payload);
  }
}

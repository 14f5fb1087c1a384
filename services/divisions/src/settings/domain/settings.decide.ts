import { ALLOCATION_STRATEGIES, SETTINGS_EVENT_SCHEMA_VERSION } from '@regu/contracts';
import type {
  AllocationStrategy,
  AutomaticAllocation,
  CustomAllocation,
  FieldError,
  IdleRule,
  SettingsEvent,
  SettingsEventDataByType,
  SettingsEventType,
  WorkloadLimit,
} from '@regu/contracts';
import { fieldError } from '../../divisions/domain/division.errors';
import { AgentsNotActive, AllocationModeConflict, DivisionNotFound, SettingsInputInvalid, WebhookUrlNotAllowed } from './settings.errors';
import { currentSettings } from './settings.evolve';
import type { SettingsState } from './settings.evolve';
import { checkWebhookUrl } from './webhook-url';

export const MIN_IDLE_MINUTES = 1;
/** One day. */
export const MAX_IDLE_MINUTES = 1440;
export const MIN_REASSIGN_ATTEMPTS = 1;
// NOTE: 10 is a chosen bound, not a measured one. Raise it if routing services can use more.
export const MAX_REASSIGN_ATTEMPTS = 10;
export const MIN_WORKLOAD_LIMIT = 1;
/** A chosen upper bound for a number limit. An organization that wants no cap sets `unlimited`. */
export const MAX_WORKLOAD_LIMIT = 100;

/** Whether the agent is an active agent of the caller's organization, from the service's own projection. */
export interface AgentLookup {
  agentActive: boolean;
}

/** Whether the division exists in the caller's organization and is not deleted. */
export interface DivisionLookup {
  divisionExists: boolean;
}

export interface SetAgentsMayTakeUnassignedChats {
  allowed: boolean;
}

export interface SetAgentsMayTransferChats {
  allowed: boolean;
}

export type ConfigureAutomaticAllocation = AutomaticAllocation;

/** The whole custom allocation. `webhookUrl` is required when `enabled` is true. */
export type ConfigureCustomAllocation = CustomAllocation;

export type ConfigureIdleRule = IdleRule;

export interface SetOrganizationWorkloadLimit {
  limit: WorkloadLimit;
}

/** A `null` limit removes the division's own limit. */
export interface SetDivisionWorkloadLimit {
  divisionId: string;
  limit: WorkloadLimit | null;
}

/** A `null` limit removes the agent's own limit. */
export interface SetAgentWorkloadLimit {
  agentId: string;
  limit: WorkloadLimit | null;
}

export interface GrantBroadcastToAgent {
  agentId: string;
}

export interface RevokeBroadcastFromAgent {
  agentId: string;
}

export interface GrantBroadcastToDivision {
  divisionId: string;
}

export interface RevokeBroadcastFromDivision {
  divisionId: string;
}

/** Issued by the service when an agent is deactivated, deleted or no longer an agent. */
export interface ClearAgentSettings {
  agentId: string;
}

/** Issued by the service when a division is deleted, so a new division never inherits its settings. */
export interface ClearDivisionSettings {
  divisionId: string;
}

export function setAgentsMayTakeUnassignedChats(command: SetAgentsMayTakeUnassignedChats, state: SettingsState): SettingsEvent[] {
  const oldValue = currentSettings(state).agentsMayTakeUnassignedChats;
  throwIfInvalid(booleanErrors('allowed', command.allowed));

  if (command.allowed === oldValue) {
    return [];
  }

  return [event('AgentsMayTakeUnassignedChatsChanged', { oldValue, newValue: command.allowed })];
}

export function setAgentsMayTransferChats(command: SetAgentsMayTransferChats, state: SettingsState): SettingsEvent[] {
  const oldValue = currentSettings(state).agentsMayTransferChats;
  throwIfInvalid(booleanErrors('allowed', command.allowed));

  if (command.allowed === oldValue) {
    return [];
  }

  return [event('AgentsMayTransferChatsChanged', { oldValue, newValue: command.allowed })];
}

/** Replaces the automatic allocation. Turning it on while custom allocation is on is a 409. */
export function configureAutomaticAllocation(command: ConfigureAutomaticAllocation, state: SettingsState): SettingsEvent[] {
  const settings = currentSettings(state);
  throwIfInvalid([
    ...booleanErrors('enabled', command.enabled),
    ...strategyErrors(command.strategy),
    ...booleanErrors('onlineAgentsOnly', command.onlineAgentsOnly),
  ]);

  const newValue: AutomaticAllocation = {
    enabled: command.enabled,
    strategy: command.strategy,
    onlineAgentsOnly: command.onlineAgentsOnly,
  };
  if (sameAutomaticAllocation(newValue, settings.automaticAllocation)) {
    return [];
  }

  if (newValue.enabled && settings.customAllocation.enabled) {
    throw new AllocationModeConflict();
  }

  return [event('AutomaticAllocationChanged', { oldValue: settings.automaticAllocation, newValue })];
}

/**
 * Replaces the custom allocation. A URL, when given, is checked even while custom
 * allocation stays off, so a stored URL is always one the service would call. Turning
 * it on while automatic allocation is on is a 409.
 */
export function configureCustomAllocation(command: ConfigureCustomAllocation, state: SettingsState): SettingsEvent[] {
  const settings = currentSettings(state);
  const webhookUrl = typeof command.webhookUrl === 'string' && command.webhookUrl.trim() !== '' ? command.webhookUrl : null;
  throwIfInvalid([
    ...booleanErrors('enabled', command.enabled),
    ...(command.enabled === true && webhookUrl === null ? [fieldError('webhookUrl', 'FIELD_REQUIRED')] : []),
  ]);

  const newValue: CustomAllocation = { enabled: command.enabled, webhookUrl: webhookUrl === null ? null : acceptedWebhookUrl(webhookUrl) };
  const oldValue = settings.customAllocation;
  if (newValue.enabled === oldValue.enabled && newValue.webhookUrl === oldValue.webhookUrl) {
    return [];
  }

  if (newValue.enabled && settings.automaticAllocation.enabled) {
    throw new AllocationModeConflict();
  }

  return [event('CustomAllocationChanged', { oldValue, newValue })];
}

/** Replaces the idle rule. The ranges are checked even while the rule is off. */
export function configureIdleRule(command: ConfigureIdleRule, state: SettingsState): SettingsEvent[] {
  const oldValue = currentSettings(state).idleRule;
  throwIfInvalid([
    ...booleanErrors('enabled', command.enabled),
    ...integerRangeErrors('idleMinutes', command.idleMinutes, MIN_IDLE_MINUTES, MAX_IDLE_MINUTES, 'IDLE_MINUTES_OUT_OF_RANGE'),
    ...integerRangeErrors(
      'reassignAttempts',
      command.reassignAttempts,
      MIN_REASSIGN_ATTEMPTS,
      MAX_REASSIGN_ATTEMPTS,
      'REASSIGN_ATTEMPTS_OUT_OF_RANGE',
    ),
  ]);

  const newValue: IdleRule = { enabled: command.enabled, idleMinutes: command.idleMinutes, reassignAttempts: command.reassignAttempts };
  if (
    newValue.enabled === oldValue.enabled &&
    newValue.idleMinutes === oldValue.idleMinutes &&
    newValue.reassignAttempts === oldValue.reassignAttempts
  ) {
    return [];
  }

  return [event('IdleRuleChanged', { oldValue, newValue })];
}

export function setOrganizationWorkloadLimit(command: SetOrganizationWorkloadLimit, state: SettingsState): SettingsEvent[] {
  const oldLimit = currentSettings(state).workload.organizationLimit;
  throwIfInvalid(workloadLimitErrors(command.limit));

  if (command.limit === oldLimit) {
    return [];
  }

  return [event('OrganizationWorkloadLimitChanged', { oldLimit, newLimit: command.limit })];
}

/** Sets or, with a `null` limit, removes a division's own limit. Removing needs no existing division. */
export function setDivisionWorkloadLimit(
  command: SetDivisionWorkloadLimit,
  state: SettingsState,
  context: DivisionLookup,
): SettingsEvent[] {
  const oldLimit = currentSettings(state).workload.divisionLimits[command.divisionId] ?? null;
  if (command.limit !== null) {
    throwIfInvalid(workloadLimitErrors(command.limit));
  }

  if (command.limit === oldLimit) {
    return [];
  }

  if (command.limit !== null && !context.divisionExists) {
    throw new DivisionNotFound(command.divisionId);
  }

  return [event('DivisionWorkloadLimitChanged', { divisionId: command.divisionId, oldLimit, newLimit: command.limit })];
}

/** Sets or, with a `null` limit, removes an agent's own limit. Removing needs no active agent. */
export function setAgentWorkloadLimit(command: SetAgentWorkloadLimit, state: SettingsState, context: AgentLookup): SettingsEvent[] {
  const oldLimit = currentSettings(state).workload.agentLimits[command.agentId] ?? null;
  if (command.limit !== null) {
    throwIfInvalid(workloadLimitErrors(command.limit));
  }

  if (command.limit === oldLimit) {
    return [];
  }

  if (command.limit !== null && !context.agentActive) {
    throw new AgentsNotActive([{ field: 'agentId', agentId: command.agentId }]);
  }

  return [event('AgentWorkloadLimitChanged', { agentId: command.agentId, oldLimit, newLimit: command.limit })];
}

export function grantBroadcastToAgent(command: GrantBroadcastToAgent, state: SettingsState, context: AgentLookup): SettingsEvent[] {
  if (currentSettings(state).broadcast.agentIds.includes(command.agentId)) {
    return [];
  }

  if (!context.agentActive) {
    throw new AgentsNotActive([{ field: 'agentId', agentId: command.agentId }]);
  }

  return [event('BroadcastGrantedToAgent', { agentId: command.agentId })];
}

/** Revokes the agent's own grant only. A grant to one of their divisions still applies. */
export function revokeBroadcastFromAgent(command: RevokeBroadcastFromAgent, state: SettingsState): SettingsEvent[] {
  if (!currentSettings(state).broadcast.agentIds.includes(command.agentId)) {
    return [];
  }

  return [event('BroadcastRevokedFromAgent', { agentId: command.agentId })];
}

/** Grants broadcast to every current and future agent of the division. */
export function grantBroadcastToDivision(
  command: GrantBroadcastToDivision,
  state: SettingsState,
  context: DivisionLookup,
): SettingsEvent[] {
  if (currentSettings(state).broadcast.divisionIds.includes(command.divisionId)) {
    return [];
  }

  if (!context.divisionExists) {
    throw new DivisionNotFound(command.divisionId);
  }

  return [event('BroadcastGrantedToDivision', { divisionId: command.divisionId })];
}

export function revokeBroadcastFromDivision(command: RevokeBroadcastFromDivision, state: SettingsState): SettingsEvent[] {
  if (!currentSettings(state).broadcast.divisionIds.includes(command.divisionId)) {
    return [];
  }

  return [event('BroadcastRevokedFromDivision', { divisionId: command.divisionId })];
}

/** Removes an agent's own workload limit and broadcast grant. A no-op when they have neither. */
export function clearAgentSettings(command: ClearAgentSettings, state: SettingsState): SettingsEvent[] {
  return [
    ...setAgentWorkloadLimit({ agentId: command.agentId, limit: null }, state, { agentActive: false }),
    ...revokeBroadcastFromAgent({ agentId: command.agentId }, state),
  ];
}

/** Removes a division's own workload limit and broadcast grant. A no-op when it has neither. */
export function clearDivisionSettings(command: ClearDivisionSettings, state: SettingsState): SettingsEvent[] {
  return [
    ...setDivisionWorkloadLimit({ divisionId: command.divisionId, limit: null }, state, { divisionExists: false }),
    ...revokeBroadcastFromDivision({ divisionId: command.divisionId }, state),
  ];
}

function event<TType extends SettingsEventType>(type: TType, data: SettingsEventDataByType[TType]): SettingsEvent {
  return { type, schemaVersion: SETTINGS_EVENT_SCHEMA_VERSION, data } as SettingsEvent;
}

function throwIfInvalid(errors: FieldError[]): void {
  if (errors.length > 0) {
    throw new SettingsInputInvalid(errors);
  }
}

function acceptedWebhookUrl(webhookUrl: string): string {
  const check = checkWebhookUrl(webhookUrl);
  if (!check.valid) {
    throw new WebhookUrlNotAllowed(check);
  }
  return check.url;
}

function sameAutomaticAllocation(left: AutomaticAllocation, right: AutomaticAllocation): boolean {
  return left.enabled === right.enabled && left.strategy === right.strategy && left.onlineAgentsOnly === right.onlineAgentsOnly;
}

function booleanErrors(field: string, value: unknown): FieldError[] {
  return typeof value === 'boolean' ? [] : [fieldError(field, 'FIELD_REQUIRED')];
}

function strategyErrors(strategy: AllocationStrategy): FieldError[] {
  if ((ALLOCATION_STRATEGIES as readonly string[]).includes(strategy)) {
    return [];
  }
  return [fieldError('strategy', 'ALLOCATION_STRATEGY_INVALID', { allowed: ALLOCATION_STRATEGIES.join(', ') })];
}

function integerRangeErrors(field: string, value: number, min: number, max: number, code: string): FieldError[] {
  if (Number.isInteger(value) && value >= min && value <= max) {
    return [];
  }
  return [fieldError(field, code, { min, max })];
}

function workloadLimitErrors(limit: WorkloadLimit): FieldError[] {
  if (limit === 'unlimited') {
    return [];
  }
  return integerRangeErrors('limit', limit, MIN_WORKLOAD_LIMIT, MAX_WORKLOAD_LIMIT, 'WORKLOAD_LIMIT_OUT_OF_RANGE');
}

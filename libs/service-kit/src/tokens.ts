/** Injection tokens of the infrastructure that EventSourcingModule provides. */
export const MONGO_DB = Symbol('MONGO_DB');
export const KAFKA = Symbol('KAFKA');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const OUTBOX_RELAY = Symbol('OUTBOX_RELAY');
export const SERVICE_ENVIRONMENT = Symbol('SERVICE_ENVIRONMENT');

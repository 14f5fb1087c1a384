/**
 * Injection token of the prefix of every consumer group name, `divisions` unless
 * DIVISIONS_CONSUMER_GROUP_PREFIX sets another. Tests set a unique one, so their
 * consumers never share partitions with a running service.
 */
export const CONSUMER_GROUP_PREFIX = Symbol('CONSUMER_GROUP_PREFIX');

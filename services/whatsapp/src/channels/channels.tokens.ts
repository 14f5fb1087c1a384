/** Injection token of the channel stream repository (OrganizationStreamRepository of ChannelState). */
export const CHANNEL_REPOSITORY = Symbol('CHANNEL_REPOSITORY');

import { DomainError, WHATSAPP_MESSAGES, formatMessage } from '@regu/contracts';

/** The channel's token stopped working; nothing can be sent to WhatsApp until an admin sets a new one (409). */
export class ChannelNeedsReconnection extends DomainError {
  constructor(channelId: string) {
    super('CHANNEL_NEEDS_RECONNECTION', 409, formatMessage(WHATSAPP_MESSAGES.CHANNEL_NEEDS_RECONNECTION.en, { channelId }), { channelId });
  }
}

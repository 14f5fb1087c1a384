/**
 * Kafka topics, one per aggregate type: `<service>.<aggregate>.events`.
 * The message key is the aggregate id, so each aggregate's events stay in order.
 */
export const TOPICS = {
  identityOrganization: 'identity.organization.events',
  identityUser: 'identity.user.events',
  divisionsDivision: 'divisions.division.events',
  divisionsSettings: 'divisions.settings.events',
  whatsappChannel: 'whatsapp.channel.events',
  whatsappTemplate: 'whatsapp.template.events',
} as const;

export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

/** The topic where a projection sends an event that kept failing, so its partition can move on. */
export function deadLetterTopic(consumerGroup: string): string {
  return `${consumerGroup}.dead-letter`;
}

import type { DomainEvent } from '../domain/events.js';

/**
 * The port the bot implements (bot/notification-sender.ts): post a notification card into a stored
 * conversation. src/ never imports botbuilder; this is the seam a move to the Agents SDK replaces.
 */
export interface NotificationSender {
  post(reference: Record<string, unknown>, event: DomainEvent, locale: string): Promise<{ activityId: string; conversationId: string }>;
}

/**
 * A failed post, classified: `retryable` for 429, 5xx and network errors (with the connector's
 * Retry-After when it sent one); not retryable for a 4xx such as 403 BotNotInConversationRoster.
 */
export class DeliveryFailed extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryFailed';
  }
}

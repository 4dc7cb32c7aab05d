import type { DomainEvent } from '../domain/events.js';
import type { Audience } from './audience.js';
import type { NotificationVariant } from '../store/store-port.js';

/** What a card shows: the event, and how much of it (the sales channel gets a complaint's summary only). */
export interface Notification {
  event: DomainEvent;
  variant: NotificationVariant;
  locale: string;
  /** Where it goes: a channel's audience, or a person's chat. */
  audience: Audience;
}

/**
 * The port the bot implements (bot/notification-sender.ts): post a notification card into a stored
 * conversation, or replace a card posted earlier. src/ never imports botbuilder; this is the seam a
 * move to the Agents SDK replaces.
 */
export interface NotificationSender {
  post(reference: Record<string, unknown>, notification: Notification): Promise<{ activityId: string; conversationId: string }>;
  update(reference: Record<string, unknown>, activityId: string, notification: Notification): Promise<void>;
}

/**
 * A failed post, classified: `retryable` for 401, 429, 5xx, network errors and timeouts (with the
 * connector's Retry-After when it sent one); not retryable for a 4xx such as 403 BotNotInConversationRoster.
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

  /** 403/404: the app was removed from the team, or the conversation deleted. The channel binding is broken. */
  get conversationGone(): boolean {
    return this.status === 403 || this.status === 404;
  }
}

import { MessageFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { DomainEvent } from '../src/domain/events.js';
import { localeFrom } from '../src/i18n/messages.js';
import { DeliveryFailed, type NotificationSender } from '../src/notify/sender-port.js';
import { cardAttachment } from './cards/elements.js';
import { notificationCard } from './cards/notification-card.js';

/**
 * The sender port implemented with botbuilder: a proactive post into the stored conversation. Errors
 * from the Bot Connector are classified for the outbox: 429 and 5xx are retried, other 4xx are not.
 */
export class BotFrameworkSender implements NotificationSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
  ) {}

  async post(reference: Record<string, unknown>, event: DomainEvent, locale: string) {
    const card = notificationCard(event, localeFrom(locale));
    let activityId: string | undefined;
    let failure: unknown;
    const conversationReference = reference as Partial<ConversationReference>;
    // The adapter hands errors thrown inside the turn to onTurnError and resolves anyway, so the
    // connector's error is caught here, inside the turn, to reach the outbox.
    await this.adapter.continueConversationAsync(this.appId, conversationReference, async (context) => {
      try {
        const response = await context.sendActivity(MessageFactory.attachment(cardAttachment(card)));
        activityId = response?.id;
      } catch (error) {
        failure = error;
      }
    });
    if (failure !== undefined) throw classify(failure);
    if (!activityId) throw new DeliveryFailed('the connector returned no activity id', undefined, true);
    return { activityId, conversationId: String(conversationReference.conversation?.id ?? '') };
  }
}

function classify(error: unknown): DeliveryFailed {
  const e = error as { statusCode?: number; response?: { headers?: { get?(name: string): string | undefined } }; message?: string };
  const status = e.statusCode;
  const retryAfter = e.response?.headers?.get?.('retry-after');
  const retryAfterMs = retryAfter !== undefined ? parseRetryAfter(retryAfter) : undefined;
  const retryable = status === undefined || status === 429 || status === 412 || status >= 500;
  return new DeliveryFailed(`${status ?? 'network'}: ${e.message ?? String(error)}`, status, retryable, retryAfterMs);
}

/** Retry-After is seconds or an HTTP date. */
function parseRetryAfter(value: string): number | undefined {
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

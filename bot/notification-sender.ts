import { MessageFactory, type Activity, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import { localeFrom } from '../src/i18n/messages.js';
import { DeliveryFailed, type Notification, type NotificationSender } from '../src/notify/sender-port.js';
import { cardAttachment } from './cards/elements.js';
import { prepareOutboxCall, refreshConnectorToken } from './connector-pipeline.js';
import { notificationCard } from './cards/notification-card.js';
import type { RefreshDefinition } from './cards/elements.js';
import type { DomainEvent } from '../src/domain/events.js';
import { isChannelAudience } from '../src/notify/audience.js';

/**
 * The sender port implemented with botbuilder: a proactive post into a stored conversation, or an
 * update of a card posted before (PUT /v3/conversations/{id}/activities/{activityId}). Every call has a
 * timeout and no SDK retries (bot/connector-pipeline.ts); errors are classified for the outbox.
 */
export class BotFrameworkSender implements NotificationSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly requestTimeoutMs: number,
    /**
     * User-specific views (CARD_VIEWS=user-specific): the refresh clause a channel card carries, naming the
     * people who may act on it (bot/card-views.ts). Absent: shared cards, the buttons on the card for all.
     */
    private readonly refreshFor?: (event: DomainEvent) => Promise<RefreshDefinition | undefined>,
    /** Local mode: the server's own address, known once it listens, for the meeting card's .ics link. */
    private readonly icsBaseUrl: () => string | undefined = () => undefined,
  ) {}

  async post(reference: Record<string, unknown>, notification: Notification) {
    let activityId: string | undefined;
    await this.inConversation(reference, async (context) => {
      const response = await context.sendActivity(await this.activity(notification));
      activityId = response?.id;
    });
    if (!activityId) throw new DeliveryFailed('the connector returned no activity id', undefined, true);
    return { activityId, conversationId: String((reference as Partial<ConversationReference>).conversation?.id ?? '') };
  }

  async update(reference: Record<string, unknown>, activityId: string, notification: Notification): Promise<void> {
    await this.inConversation(reference, async (context) => {
      await context.updateActivity({ ...(await this.activity(notification)), id: activityId });
    });
  }

  private async activity(notification: Notification): Promise<Partial<Activity>> {
    // A personal card is its reader's alone: it carries the buttons. A channel card is shared.
    const refresh = this.refreshFor && isChannelAudience(notification.audience) ? await this.refreshFor(notification.event) : undefined;
    const card = notificationCard(notification.event, localeFrom(notification.locale), notification.variant, { audience: notification.audience, refresh, icsBaseUrl: this.icsBaseUrl() });
    return MessageFactory.attachment(cardAttachment(card));
  }

  /**
   * The adapter hands errors thrown inside the turn to onTurnError and resolves anyway, so the
   * connector's error is caught here, inside the turn, to reach the outbox.
   */
  private async inConversation(reference: Record<string, unknown>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: unknown;
    await this.adapter.continueConversationAsync(this.appId, reference as Partial<ConversationReference>, async (context) => {
      prepareOutboxCall(context, this.requestTimeoutMs);
      try {
        await logic(context);
      } catch (error) {
        failure = classify(error, this.requestTimeoutMs);
        // A 401 is often transient in Teams; the retry must not present the same cached token again.
        if ((failure as DeliveryFailed).status === 401) await refreshConnectorToken(context);
      }
    });
    if (failure !== undefined) throw failure;
  }
}

/**
 * 403 and 404 mean the conversation is gone for this bot (removed from the team, channel or chat deleted):
 * the row ends. Other 4xx (a card Teams refuses) end it too, since sending it again cannot help. Everything
 * else — 401 (transient in Teams), 408, 412, 429, 5xx, network errors and our own timeout — is retried.
 */
function classify(error: unknown, timeoutMs: number): DeliveryFailed {
  const e = error as { statusCode?: number; name?: string; response?: { headers?: { get?(name: string): string | undefined } }; message?: string };
  const status = e.statusCode;
  const retryAfter = e.response?.headers?.get?.('retry-after');
  const retryAfterMs = retryAfter !== undefined ? parseRetryAfter(retryAfter) : undefined;
  const retryable = status === undefined || status === 401 || status === 408 || status === 412 || status === 429 || status >= 500;
  const timedOut = status === undefined && (e.name === 'AbortError' || e.name === 'TimeoutError' || /abort/i.test(e.message ?? ''));
  const what = timedOut ? `no answer within ${timeoutMs} ms` : (e.message ?? String(error));
  return new DeliveryFailed(`${status ?? (timedOut ? 'timeout' : 'network')}: ${what}`, status, retryable, retryAfterMs);
}

/** Retry-After is seconds or an HTTP date. */
function parseRetryAfter(value: string): number | undefined {
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

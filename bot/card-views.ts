import { cardViewers } from '../src/app/card-viewers.js';
import type { AppContext } from '../src/app/app-context.js';
import type { DomainEvent } from '../src/domain/events.js';
import { actionExecute, MAX_REFRESH_USERS, refreshWith, type RefreshDefinition } from './cards/elements.js';

/**
 * How channel cards carry their buttons (CARD_VIEWS): `user-specific` posts a status card with a `refresh`
 * naming the people who may act, whose Teams shows each of them their own view (with the buttons their role
 * allows); `shared` puts the buttons on the posted card for everybody (the Agents Playground cannot refresh).
 * Either way a press is answered to the one who pressed only.
 */
export type CardViews = 'user-specific' | 'shared';

/** The refresh verb of each card kind: the flow that answers it builds the person's own view. */
const refreshVerbs: Partial<Record<DomainEvent['type'], { verb: string; data: (event: DomainEvent) => Record<string, unknown> }>> = {
  'place.freed': { verb: 'place.view', data: (e) => ({ placeId: (e.data as { placeId: string }).placeId }) },
  'place.changed': { verb: 'place.view', data: (e) => ({ placeId: (e.data as { placeId: string }).placeId }) },
  'complaint.received': { verb: 'complaint.view', data: (e) => ({ complaintId: (e.data as { complaintId: string }).complaintId }) },
  'complaint.changed': { verb: 'complaint.view', data: (e) => ({ complaintId: (e.data as { complaintId: string }).complaintId }) },
};

/** The id every refresh carries: the envelope needs one, and a refresh changes nothing, so one fixed id serves. */
const REFRESH_REQUEST_ID = '00000000-0000-4000-8000-000000000000';

/**
 * The refresh clause of a channel card: the people who may act on it, by their Teams user id (MRI), which the
 * bot knows for everyone who has talked to it (the conversation reference kept for their reminders). Someone
 * the bot has never met sees the status card and can refresh it from the message's menu ("Refresh card").
 */
export async function refreshFor(app: AppContext, event: DomainEvent): Promise<RefreshDefinition | undefined> {
  const kind = refreshVerbs[event.type];
  if (!kind) return undefined;
  const people = await cardViewers(app, event);
  const ids: string[] = [];
  for (const person of people) {
    if (ids.length >= MAX_REFRESH_USERS) break;
    const conversation = await app.store.conversations.getConversation(`user:${person.userId}`);
    const user = (conversation?.reference as { user?: { id?: unknown } } | undefined)?.user;
    if (typeof user?.id === 'string') ids.push(user.id);
  }
  return refreshWith(actionExecute({ title: 'refresh', verb: kind.verb, data: { requestId: REFRESH_REQUEST_ID, ...kind.data(event) } }), ids);
}

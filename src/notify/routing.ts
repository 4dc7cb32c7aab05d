import { recordKeyOf, type DomainEvent, type DomainEventType } from '../domain/events.js';
import type { Person } from '../domain/records/person.js';
import type { NotificationVariant, OutboxDraft } from '../store/store-port.js';
import type { ChannelAudience } from './audience.js';

/**
 * Who is told what (DOMAIN.md, thesis 6.1 and 6.3), as data: one row per domain event. A route names a
 * channel, a role (each person holding it gets a personal card) or the recorder; `update` replaces the
 * cards already posted for the same record instead of posting new ones.
 */
export type RouteTarget = ChannelAudience | 'qualityManager' | 'admins' | 'recorder' | 'calendar' | 'owner';

export interface Route {
  to: RouteTarget | 'postedCards';
  variant?: NotificationVariant;
  /** Deliver at the instant the event names (a reminder); no row when the event names none. */
  at?: 'remindAt';
}

export const routingTable: Record<DomainEventType, readonly Route[]> = {
  // "place freeing / freed → sales (they check the occupancy table when a customer calls)"
  'place.freed': [{ to: 'sales' }],
  // "place reserved / sold → everyone who saw the freed-place card (the card updates)"
  'place.changed': [{ to: 'postedCards' }],
  // "supervision visit → business director (management) and sales managers"
  'supervisionVisit.logged': [{ to: 'management' }, { to: 'sales' }],
  // "customer attended a home event → sales, same way as a visit"
  'homeEvent.logged': [{ to: 'management' }, { to: 'sales' }],
  // "sales learned something production needs → production/management, same way" (and the other way)
  'note.fromSales': [{ to: 'management' }],
  'note.fromProduction': [{ to: 'sales' }],
  // "development meeting → business director and sales (memo in the CRM + notice)"
  'developmentMeeting.recorded': [{ to: 'management' }, { to: 'sales' }],
  // Issue 12: a scheduled meeting → the organizer and management see its card; the calendar sends the invitation.
  'developmentMeeting.scheduled': [{ to: 'calendar' }, { to: 'recorder' }, { to: 'management' }],
  'developmentMeeting.rescheduled': [{ to: 'calendar' }, { to: 'postedCards' }],
  'developmentMeeting.cancelled': [{ to: 'calendar' }, { to: 'postedCards' }],
  'developmentMeeting.invited': [{ to: 'postedCards' }],
  // After the meeting's end its organizer is asked for the memo, which then goes out as `recorded` above.
  'developmentMeeting.memoDue': [{ to: 'recorder', at: 'remindAt' }],
  // "complaint → quality manager, business director and sales": the free text stays out of the sales channel.
  'complaint.received': [{ to: 'management' }, { to: 'qualityManager' }, { to: 'sales', variant: 'summary' }],
  // Each later step of the complaint updates every card posted for it, each in its own variant.
  'complaint.changed': [{ to: 'postedCards' }],
  // "next contact due → whoever recorded the contact (reminder)": nobody at once.
  'contactLog.recorded': [{ to: 'recorder', at: 'remindAt' }],
  // Seed 002: "if a customer has no entries for two weeks, what is wrong?" — every Monday.
  'digest.weekly': [{ to: 'management' }],
  // Issue 9: an install in another team changes no binding; whoever keeps the bindings hears of it.
  'channels.installNotice': [{ to: 'admins' }, { to: 'management' }],
  // Issue 9: a channel Teams refuses for good (app removed, channel deleted) → every admin, in their own chat.
  'delivery.channelBroken': [{ to: 'admins' }],
  // Issue 11: an entry corrected or withdrawn with `omat` → the cards posted for it update in place.
  'entry.corrected': [{ to: 'postedCards' }],
  'entry.withdrawn': [{ to: 'postedCards' }],
  // Issue 11: DOMAIN.md's table names no notice for a recorded agreement; it is on the customer card.
  'agreement.recorded': [],
  // Issue 12: a planned encounter of a customer's annual clock → its owner, 30 days ahead.
  'customerPlan.encounterDue': [{ to: 'owner', at: 'remindAt' }],
};

/** The outbox rows an event causes, written in the same transaction as the record. */
export function notificationsFor(event: DomainEvent, people: readonly Person[] = []): OutboxDraft[] {
  const base = { eventId: event.eventId, eventType: event.type, payload: event, recordKey: recordKeyOf(event) };
  return routingTable[event.type].flatMap((route): OutboxDraft[] => {
    const variant = route.variant ?? 'full';
    const notBefore = route.at ? (event.data as unknown as Record<string, unknown>)[route.at] : undefined;
    if (route.at && typeof notBefore !== 'string') return [];
    switch (route.to) {
      case 'postedCards':
        return [{ ...base, mode: 'update', audience: 'sales', recipient: 'posted-cards', variant }];
      case 'sales':
      case 'management':
        return [{ ...base, mode: 'post', audience: route.to, recipient: '', variant }];
      case 'calendar':
        // One row per change of the meeting; its lane keeps a meeting's create, updates and cancel in order.
        return [{ ...base, mode: 'post', audience: 'calendar', recipient: String((event.data as { meetingId?: unknown }).meetingId ?? ''), variant }];
      case 'recorder':
        return [{ ...base, mode: 'post', audience: 'person', recipient: event.actor.id, variant, notBefore: notBefore as string | undefined }];
      case 'owner': {
        const owner = (event.data as unknown as { ownerUserId?: unknown }).ownerUserId;
        if (typeof owner !== 'string' || owner === '') return [];
        return [{ ...base, mode: 'post', audience: 'person', recipient: owner, variant, notBefore: notBefore as string | undefined }];
      }
      case 'qualityManager':
      case 'admins':
        return people
          .filter((p) => p.roles.includes(route.to === 'admins' ? 'admin' : 'laatupaallikko'))
          .map((p) => ({ ...base, mode: 'post' as const, audience: 'person' as const, recipient: p.userId, variant }));
    }
  });
}

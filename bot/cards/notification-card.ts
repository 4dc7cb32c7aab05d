import { installNoticeCard } from './install-notice-card.js';
import { agreementRecordedCard } from './agreement-card.js';
import type { DomainEvent } from '../../src/domain/events.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import type { Locale } from '../../src/i18n/messages.js';
import type { NotificationVariant } from '../../src/store/store-port.js';
import { channelBrokenCard } from './channel-broken-card.js';
import { complaintCard } from './complaint-card.js';
import { contactReminderCard } from './contact-reminder-card.js';
import { developmentMeetingCard } from './development-meeting-card.js';
import { meetingMemoRequestCard, meetingScheduledCard } from './development-meeting-scheduled-card.js';
import { homeEventCard } from './home-event-card.js';
import { noteCard } from './note-card.js';
import { weeklyDigestCard } from './weekly-digest-card.js';
import type { AdaptiveCard, RefreshDefinition } from './elements.js';
import { allPlaceActions, placeCard } from './place-freed-card.js';
import type { Audience } from '../../src/notify/audience.js';
import { supervisionVisitCard } from './supervision-visit-card.js';
import { correctedEntryCard, withdrawnEntryCard } from './mine-card.js';
import { encounterReminderCard } from './customer-plan-reminder-card.js';

export interface NotificationCardOptions {
  /** Where the card goes (a special mention @mentions only in the sales channel). */
  audience?: Audience | undefined;
  /**
   * User-specific views (CARD_VIEWS=user-specific): the posted card shows the status without buttons, and
   * this refresh gives each person who may act their own view (bot/card-views.ts). Absent: the buttons are on
   * the posted card for everyone.
   */
  refresh?: RefreshDefinition | undefined;
  /**
   * Where this server serves the invitations (GET /api/meetings/{id}.ics): local mode only, the address it
   * listens on. A tenant's invitations are Outlook events (CALENDAR=graph): no .ics link.
   */
  icsBaseUrl?: string | undefined;
}

/** The card for each domain event the routing table sends somewhere. */
export function notificationCard(event: DomainEvent, locale: Locale, variant: NotificationVariant = 'full', options: NotificationCardOptions = {}): AdaptiveCard {
  const { audience, refresh, icsBaseUrl } = options;
  switch (event.type) {
    case 'place.freed':
    case 'place.changed':
      // One request id per shown version: a double click reserves once, a second person is told who was first.
      return placeCard(event.data, locale, stableIdFor(`reserve:${event.data.placeId}:${event.data.version}`), {
        actions: refresh ? { reserve: false, settle: false } : allPlaceActions,
        refresh,
      });
    case 'supervisionVisit.logged':
      return supervisionVisitCard(event, locale, audience);
    case 'homeEvent.logged':
      return homeEventCard(event, locale, audience);
    case 'note.fromSales':
    case 'note.fromProduction':
      return noteCard(event, locale, audience);
    case 'developmentMeeting.recorded':
      return developmentMeetingCard(event, locale);
    // Issue 12: the scheduled meeting's card, updated in place when the calendar answers and on each change.
    case 'developmentMeeting.scheduled':
    case 'developmentMeeting.rescheduled':
    case 'developmentMeeting.cancelled':
    case 'developmentMeeting.invited':
      return meetingScheduledCard(event.data, locale, { icsBaseUrl });
    case 'developmentMeeting.memoDue':
      return meetingMemoRequestCard(event.data, locale);
    case 'complaint.received':
    case 'complaint.changed':
      return complaintCard(event, locale, variant, refresh ? { nextStep: false, refresh } : { nextStep: true });
    case 'contactLog.recorded':
      return contactReminderCard(event, locale);
    case 'digest.weekly':
      return weeklyDigestCard(event, locale);
    case 'channels.installNotice':
      return installNoticeCard(event, locale);
    case 'delivery.channelBroken':
      return channelBrokenCard(event, locale);
    // Issue 11: a corrected entry's cards show it as it is now; a withdrawn one's say it was withdrawn.
    case 'entry.corrected':
      return correctedEntryCard(event, locale, notificationCard(event.data.event, locale, variant));
    case 'entry.withdrawn':
      return withdrawnEntryCard(event, locale);
    case 'agreement.recorded':
      return agreementRecordedCard(event, locale);
    case 'customerPlan.encounterDue':
      return encounterReminderCard(event, locale);
  }
}

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
import { homeEventCard } from './home-event-card.js';
import { noteCard } from './note-card.js';
import { weeklyDigestCard } from './weekly-digest-card.js';
import type { AdaptiveCard } from './elements.js';
import { placeCard } from './place-freed-card.js';
import { supervisionVisitCard } from './supervision-visit-card.js';

/** The card for each domain event the routing table sends somewhere. */
export function notificationCard(event: DomainEvent, locale: Locale, variant: NotificationVariant = 'full'): AdaptiveCard {
  switch (event.type) {
    case 'place.freed':
    case 'place.changed':
      // One request id per shown version: a double click reserves once, a second person is told who was first.
      return placeCard(event.data, locale, stableIdFor(`reserve:${event.data.placeId}:${event.data.version}`));
    case 'supervisionVisit.logged':
      return supervisionVisitCard(event, locale);
    case 'homeEvent.logged':
      return homeEventCard(event, locale);
    case 'note.fromSales':
    case 'note.fromProduction':
      return noteCard(event, locale);
    case 'developmentMeeting.recorded':
      return developmentMeetingCard(event, locale);
    case 'complaint.received':
    case 'complaint.changed':
      return complaintCard(event, locale, variant);
    case 'contactLog.recorded':
      return contactReminderCard(event, locale);
    case 'digest.weekly':
      return weeklyDigestCard(event, locale);
    case 'channels.installNotice':
      return installNoticeCard(event, locale);
    case 'delivery.channelBroken':
      return channelBrokenCard(event, locale);
    case 'agreement.recorded':
      return agreementRecordedCard(event, locale);
  }
}

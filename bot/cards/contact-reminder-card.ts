import type { ContactLoggedEvent } from '../../src/domain/events/contact-log-events.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { formatDate, t, type Locale } from '../../src/i18n/messages.js';
import { actionExecute, adaptiveCard, factSet, textBlock, type AdaptiveCard } from './elements.js';

/** The personal reminder on the next-contact date: the topic, what was logged last, and a button to log. */
export function contactReminderCard(event: ContactLoggedEvent, locale: Locale): AdaptiveCard {
  const d = event.data;
  return adaptiveCard({
    body: [
      textBlock(t(locale, 'card.reminder.title', { customer: d.customerName }), { size: 'large', weight: 'bolder' }),
      factSet([
        [t(locale, 'card.reminder.topic'), d.nextContactTopic ?? ''],
        [t(locale, 'card.reminder.last'), `${t(locale, `contactType.${d.type}`)} ${formatDate(locale, d.date)}: ${d.matter}`],
      ]),
      textBlock(t(locale, 'card.reminder.agreed', { date: formatDate(locale, d.date) }), { isSubtle: true, size: 'small' }),
    ],
    actions: [
      // Action.Execute: the reminder turns into the contact form for its customer, in place.
      actionExecute({
        title: t(locale, 'card.reminder.logAction'),
        verb: 'contactLog.open',
        data: { requestId: stableIdFor(`log-from-reminder:${d.entryId}`), customerId: d.customerId, topic: d.nextContactTopic ?? '' },
        style: 'positive',
      }),
    ],
  });
}

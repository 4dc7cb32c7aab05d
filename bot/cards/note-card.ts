import type { NoteEvent } from '../../src/domain/events/note-events.js';
import { formatDateTime, t, type Locale } from '../../src/i18n/messages.js';
import { factSet, textBlock, type AdaptiveCard, type CardElement } from './elements.js';
import type { Audience } from '../../src/notify/audience.js';
import { cardWithSpecialMention } from './special-mention.js';

/**
 * A note from one side of the house to the other (thesis 6.1, 6.3): from sales in the management
 * channel, from production in the sales channel. A special mention comes first in the attention style;
 * in the sales channel it @mentions the sales people.
 */
/** `audience`: where the card goes; only the sales channel's copy @mentions the sales people. */
export function noteCard(event: NoteEvent, locale: Locale, audience?: Audience): AdaptiveCard {
  const d = event.data;
  const facts: [string, string][] = [
    [t(locale, 'card.note.customer'), d.customerName],
    ...(d.careHomeName ? [[t(locale, 'card.note.home'), d.careHomeName] as [string, string]] : []),
  ];
  const body: CardElement[] = [
    textBlock(t(locale, `card.note.title.${d.direction}`), { size: 'large', weight: 'bolder' }),
    factSet(facts),
    textBlock(t(locale, 'card.note.matter'), { weight: 'bolder', spacing: 'medium' }),
    textBlock(d.matter),
    textBlock(t(locale, 'card.note.recorded', { name: d.recordedBy.name, when: formatDateTime(locale, event.occurredAt) }), { isSubtle: true, size: 'small' }),
  ];
  return cardWithSpecialMention(locale, d, { body }, audience);
}

import type { Mention } from '../../src/domain/events/visit-events.js';
import { t, type Locale } from '../../src/i18n/messages.js';
import type { Audience } from '../../src/notify/audience.js';
import { adaptiveCard, container, markdownTextBlock, plainText, textBlock, type AdaptiveCard, type CardAction, type CardElement, type MentionEntity } from './elements.js';

/** What a record with a special mention (erityismaininta) carries: the flag and whom to @mention. */
export interface SpecialMentionData {
  specialMention: boolean;
  mentions: readonly Mention[];
}

/** A Teams `<at>` mention; its text must also appear in a TextBlock for Teams to notify the person. */
export function mentionEntity(m: Mention): MentionEntity {
  return { type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.userId, name: m.name } };
}

/**
 * A card for management and sales that may carry a special mention: "sales must know at once" (thesis
 * 6.3). The mention comes first, in the attention style, and @mentions the people the record names, so
 * Teams notifies them; a special mention without people to mention (a note to management) still comes
 * first. Shared by the supervision-visit, home-event and note cards.
 */
export function cardWithSpecialMention(
  locale: Locale,
  flagged: SpecialMentionData,
  content: { body: CardElement[]; actions?: CardAction[] },
  audience?: Audience,
): AdaptiveCard {
  // The same record goes to management and sales: the sales people are @mentioned in the sales channel only,
  // so nobody is notified twice (the management copy shows the special mention without the @mentions).
  const mentioning = audience === undefined || audience === 'sales';
  const entities = flagged.specialMention && mentioning ? flagged.mentions.map(mentionEntity) : [];
  const head: CardElement[] = flagged.specialMention
    ? [
        container({
          style: 'attention',
          items: [
            // Default text on the attention background (red on red is 3.6:1 in Teams light, 1:1 in high contrast);
            // the word itself says what the colour did.
            textBlock(t(locale, 'card.specialMention.title'), { weight: 'bolder' }),
            ...(entities.length > 0 ? [mentionLine(locale, entities)] : []),
          ],
        }),
      ]
    : [];
  return adaptiveCard({
    body: [...head, ...content.body],
    ...(content.actions ? { actions: content.actions } : {}),
    ...(entities.length > 0 ? { msteams: { entities } } : {}),
  });
}

/**
 * "Huomio: <at>A</at>, <at>B</at>": the only text the bot sends as markdown. The sentence is escaped like
 * every text; the `<at>` tags go in verbatim, because Teams notifies only when an entity's text appears as is.
 * Only these tags make mentions: an `<at>` a user typed anywhere in the card is escaped and shows as text.
 */
function mentionLine(locale: Locale, entities: readonly MentionEntity[]): CardElement {
  const slot = '\uE000';
  const sentence = plainText(t(locale, 'card.specialMention.attention', { people: slot }));
  return markdownTextBlock(sentence.replace(slot, entities.map((e) => e.text).join(', ')));
}

import type { InstallNoticeEvent } from '../../src/domain/events/channel-events.js';
import { formatDateTime, t, type Locale } from '../../src/i18n/messages.js';
import { adaptiveCard, textBlock, type AdaptiveCard } from './elements.js';
import { bindingsText } from './binding-text.js';

/** To the admins and the management channel: the app went into another team, and no binding moved. */
export function installNoticeCard(event: InstallNoticeEvent, locale: Locale): AdaptiveCard {
  const d = event.data;
  return adaptiveCard({
    body: [
      textBlock(t(locale, 'channel.install.notice.title'), { size: 'large', weight: 'bolder' }),
      textBlock(
        t(locale, 'channel.install.notice.text', {
          who: d.installedBy.name,
          team: d.teamName,
          time: formatDateTime(locale, event.occurredAt),
          bindings: bindingsText(locale, d.bindings),
        }),
      ),
    ],
  });
}

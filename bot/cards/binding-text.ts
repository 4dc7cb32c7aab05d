import type { BindingSummary } from '../../src/domain/events/channel-events.js';
import { t, type Locale } from '../../src/i18n/messages.js';

/** "sales channel: Myynti; management channel: Johto", or that nothing is bound. */
export function bindingsText(locale: Locale, bindings: readonly BindingSummary[]): string {
  if (bindings.length === 0) return t(locale, 'channel.bindingNone');
  return bindings.map((b) => t(locale, 'channel.bindingLine', { audience: t(locale, `audience.${b.audience}`), channel: b.channelName })).join('; ');
}

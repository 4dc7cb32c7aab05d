import { t, type Locale } from '../../src/i18n/messages.js';
import { container, textBlock, type CardElement } from './elements.js';

/**
 * The answer to what someone pressed, on top of the card they see: done, or refused / someone was first. Only
 * the one who pressed sees it (it is the invoke response), and it says so, since the card around it is shared.
 * The tone is said in words too (✓ / !), never by colour alone.
 */
export interface Notice {
  tone: 'done' | 'refused';
  text: string;
  locale: Locale;
}

export function notice(locale: Locale, tone: Notice['tone'], text: string): Notice {
  return { tone, text, locale };
}

export function noticeBlock(n: Notice): CardElement {
  return container({
    style: 'emphasis',
    items: [
      textBlock(`${n.tone === 'done' ? '✓' : '!'} ${n.text}`, { weight: 'bolder', wrap: true }),
      textBlock(t(n.locale, 'view.onlyYou'), { isSubtle: true, size: 'small', spacing: 'none' }),
    ],
  });
}

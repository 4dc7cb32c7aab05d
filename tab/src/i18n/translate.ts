import { formatDate, formatDateTime, formatNumber, localeFrom, t, tn, type Locale, type MessageKey, type PluralKey } from '../../../src/i18n/messages';

/** The bot's catalogs and rules (src/i18n), bound to the tab's language. */
export interface Translate {
  locale: Locale;
  /** BCP 47 tag for Intl and Accept-Language. */
  tag: string;
  t(key: MessageKey | string, params?: Record<string, string | number>): string;
  tn(key: PluralKey, count: number, params?: Record<string, string | number>): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  date(isoDate: string): string;
  dateTime(iso: string): string;
}

export function translateFor(hostLocale: string | undefined): Translate {
  const locale = localeFrom(hostLocale, 'fi');
  return {
    locale,
    tag: locale === 'fi' ? 'fi-FI' : 'en-GB',
    t: (key, params = {}) => t(locale, key, params),
    tn: (key, count, params = {}) => tn(locale, key, count, params),
    number: (value, options) => formatNumber(locale, value, options),
    date: (isoDate) => formatDate(locale, isoDate),
    dateTime: (iso) => formatDateTime(locale, iso),
  };
}

/**
 * Every text the user sees, Finnish first (the company's language) and English for English-locale
 * Teams users. Keys are shared by the bot, the tab and the domain's validation errors.
 */
import * as complaints from './catalog/complaints.js';
import * as contacts from './catalog/contacts.js';
import * as access from './catalog/access.js';
import * as api from './catalog/api.js';
import * as cardViews from './catalog/card-views.js';
import * as agreements from './catalog/agreements.js';
import * as core from './catalog/core.js';
import * as customers from './catalog/customers.js';
import * as delivery from './catalog/delivery.js';
import * as digest from './catalog/digest.js';
import * as history from './catalog/history.js';
import * as homeEvents from './catalog/home-events.js';
import * as meetings from './catalog/meetings.js';
import * as mine from './catalog/mine.js';
import * as notes from './catalog/notes.js';
import * as plans from './catalog/plans.js';
import * as visits from './catalog/visits.js';
import * as tab from './catalog/tab.js';
import * as tabOccupancy from './catalog/tab-occupancy.js';
import * as tabCustomers from './catalog/tab-customers.js';
import * as tabComplaints from './catalog/tab-complaints.js';
import * as tabFigures from './catalog/tab-figures.js';

/**
 * One catalog per area (src/i18n/catalog/*.ts), merged here. Each area's English table must have
 * exactly the Finnish keys: the type checker refuses a missing translation.
 */
const areas = [core, access, cardViews, visits, homeEvents, notes, meetings, complaints, contacts, customers, digest, history, delivery, mine, agreements, plans, api, tab, tabOccupancy, tabCustomers, tabComplaints, tabFigures] as const;
const fi = { ...core.fi, ...access.fi, ...cardViews.fi, ...visits.fi, ...homeEvents.fi, ...notes.fi, ...meetings.fi, ...complaints.fi, ...contacts.fi, ...customers.fi, ...digest.fi, ...history.fi, ...delivery.fi, ...mine.fi, ...agreements.fi, ...plans.fi, ...api.fi, ...tab.fi, ...tabOccupancy.fi, ...tabCustomers.fi, ...tabComplaints.fi, ...tabFigures.fi } as const;
const en: Record<keyof typeof fi, string> = {
  ...core.en, ...access.en, ...cardViews.en, ...visits.en, ...homeEvents.en, ...notes.en, ...meetings.en, ...complaints.en, ...contacts.en, ...customers.en, ...digest.en, ...history.en, ...delivery.en, ...mine.en, ...agreements.en, ...plans.en, ...api.en, ...tab.en, ...tabOccupancy.en, ...tabCustomers.en, ...tabComplaints.en, ...tabFigures.en,
};
/** Two areas defining the same key would silently shadow each other: refuse at start instead. */
const seen = new Set<string>();
for (const area of areas) {
  for (const key of Object.keys(area.fi)) {
    if (seen.has(key)) throw new Error(`i18n: the key ${key} is defined in two catalogs`);
    seen.add(key);
  }
}

export type MessageKey = keyof typeof fi;


export type Locale = 'fi' | 'en';
export const catalogs: Record<Locale, Record<MessageKey, string>> = { fi, en };

/** Teams sends the user's locale (e.g. `en-US`, `fi-FI`); anything not English is shown in Finnish. */
export function localeFrom(teamsLocale: string | undefined, fallback: Locale = 'fi'): Locale {
  if (!teamsLocale) return fallback;
  return teamsLocale.toLowerCase().startsWith('en') ? 'en' : teamsLocale.toLowerCase().startsWith('fi') ? 'fi' : fallback;
}

export function isMessageKey(key: string): key is MessageKey {
  return key in fi;
}

/**
 * Translates a key, filling `{name}` placeholders; an unknown key shows itself, so a gap is visible, not blank.
 * A number is written as people of the locale read it (`1 600` with a no-break space in Finnish, `1,600` in
 * English): a count of places or characters is never split over two lines nor shown as `1600`.
 */
export function t(locale: Locale, key: MessageKey | string, params: Record<string, string | number> = {}): string {
  // A plural key named without its variant (a domain error's `validation.tooLong` with `{ maximum: 1 }`): the
  // variant its count takes, the count being `count` or else the one number among the params.
  if (!isMessageKey(key) && isMessageKey(`${key}.other`)) {
    const numbers = Object.values(params).filter((v): v is number => typeof v === 'number');
    const count = typeof params.count === 'number' ? params.count : numbers.length === 1 ? numbers[0]! : undefined;
    if (count !== undefined) return t(locale, `${key}.${pluralRules[locale].select(count) === 'one' ? 'one' : 'other'}`, params);
  }
  const template = isMessageKey(key) ? catalogs[locale][key] : key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/**
 * The keys that come in plural variants: `x.one` and `x.other` both in the catalog make `x` a plural key.
 * Finnish and English both have just these two cardinal categories (CLDR), so no `few`/`many` is needed.
 */
type PluralBase<K extends string, All extends string> = K extends `${infer Base}.other` ? (`${Base}.one` extends All ? Base : never) : never;
export type PluralKey = PluralBase<MessageKey, MessageKey>;

/** Every plural key of the catalogs, for the tests that check both variants exist in both languages. */
export const pluralKeys: readonly PluralKey[] = Object.keys(fi)
  .filter((key) => key.endsWith('.other') && `${key.slice(0, -'.other'.length)}.one` in fi)
  .map((key) => key.slice(0, -'.other'.length) as PluralKey);

const intlLocales: Record<Locale, string> = { fi: 'fi-FI', en: 'en-GB' };
const pluralRules: Record<Locale, Intl.PluralRules> = { fi: new Intl.PluralRules('fi-FI'), en: new Intl.PluralRules('en-GB') };
const numberFormats: Record<Locale, Intl.NumberFormat> = { fi: new Intl.NumberFormat('fi-FI'), en: new Intl.NumberFormat('en-GB') };

/**
 * A text with a count in it, in the plural form the count takes: `1 paikka` / `2 paikkaa`, `1 day` / `2 days`.
 * The count is also the `{count}` placeholder (formatted as a number); `params` fills the rest. The variant is
 * chosen by `Intl.PluralRules`, not by `count === 1`, so a decimal or a new language gets its own rule.
 */
export function tn(locale: Locale, key: PluralKey, count: number, params: Record<string, string | number> = {}): string {
  const variant = pluralRules[locale].select(count) === 'one' ? 'one' : 'other';
  return t(locale, `${key}.${variant}`, { count, ...params });
}

/** A number as the locale writes it: 1 600 (no-break space) in Finnish, 1,600 in English. */
export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return options ? new Intl.NumberFormat(intlLocales[locale], options).format(value) : numberFormats[locale].format(value);
}

/**
 * Intl formatters are costly to build (locale data is resolved each time) and these never change: one each,
 * made once, instead of one per date on every card a request renders.
 */
const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  // Finnish d.m.yyyy (1.12.2026), as Intl fi-FI writes a numeric date; English 1 Dec 2026.
  fi: new Intl.DateTimeFormat('fi-FI', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
};
const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  fi: new Intl.DateTimeFormat('fi-FI', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Helsinki' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Helsinki' }),
};

/** Dates as people read them: 1.12.2026 in Finnish, 1 Dec 2026 in English. A calendar date, so no time zone shifts it. */
export function formatDate(locale: Locale, isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  // Intl throws on an invalid date; a malformed stored value is shown as it is rather than failing the card.
  return Number.isNaN(date.getTime()) ? isoDate : dateFormats[locale].format(date);
}

export function formatDateTime(locale: Locale, iso: string): string {
  return dateTimeFormats[locale].format(new Date(iso));
}

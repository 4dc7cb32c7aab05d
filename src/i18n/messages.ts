/**
 * Every text the user sees, Finnish first (the company's language) and English for English-locale
 * Teams users. Keys are shared by the bot, the tab and the domain's validation errors.
 */
import * as complaints from './catalog/complaints.js';
import * as contacts from './catalog/contacts.js';
import * as access from './catalog/access.js';
import * as agreements from './catalog/agreements.js';
import * as core from './catalog/core.js';
import * as customers from './catalog/customers.js';
import * as delivery from './catalog/delivery.js';
import * as digest from './catalog/digest.js';
import * as history from './catalog/history.js';
import * as homeEvents from './catalog/home-events.js';
import * as meetings from './catalog/meetings.js';
import * as notes from './catalog/notes.js';
import * as visits from './catalog/visits.js';

/**
 * One catalog per area (src/i18n/catalog/*.ts), merged here. Each area's English table must have
 * exactly the Finnish keys: the type checker refuses a missing translation.
 */
const areas = [core, access, visits, homeEvents, notes, meetings, complaints, contacts, customers, digest, history, delivery, agreements] as const;
const fi = { ...core.fi, ...access.fi, ...visits.fi, ...homeEvents.fi, ...notes.fi, ...meetings.fi, ...complaints.fi, ...contacts.fi, ...customers.fi, ...digest.fi, ...history.fi, ...delivery.fi, ...agreements.fi } as const;
const en: Record<keyof typeof fi, string> = {
  ...core.en, ...access.en, ...visits.en, ...homeEvents.en, ...notes.en, ...meetings.en, ...complaints.en, ...contacts.en, ...customers.en, ...digest.en, ...history.en, ...delivery.en, ...agreements.en,
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

/** Translates a key, filling `{name}` placeholders; an unknown key shows itself, so a gap is visible, not blank. */
export function t(locale: Locale, key: MessageKey | string, params: Record<string, string | number> = {}): string {
  const template = isMessageKey(key) ? catalogs[locale][key] : key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/**
 * Intl formatters are costly to build (locale data is resolved each time) and these never change: one each,
 * made once, instead of one per date on every card a request renders.
 */
const englishDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  fi: new Intl.DateTimeFormat('fi-FI', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Helsinki' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Helsinki' }),
};

/** Dates as people read them: 1.12.2026 in Finnish, 1 Dec 2026 in English. */
export function formatDate(locale: Locale, isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return locale === 'fi' ? `${date.getUTCDate()}.${date.getUTCMonth() + 1}.${date.getUTCFullYear()}` : englishDate.format(date);
}

export function formatDateTime(locale: Locale, iso: string): string {
  return dateTimeFormats[locale].format(new Date(iso));
}

import type { CustomerHistory, HistoryChange, HistoryEntry } from '../../src/app/customer-history.js';
import type { AuditKind } from '../../src/store/store-port.js';
import { fieldName } from '../../src/i18n/field-labels.js';
import { formatDate, formatDateTime, isMessageKey, t, tn, type Locale } from '../../src/i18n/messages.js';
import { shortText } from './customer-card.js';
import { adaptiveCard, container, factSet, textBlock, type AdaptiveCard, type CardElement } from './elements.js';

/** Teams refuses a card over 28 KB; the history stays well under it by dropping its oldest entries. */
export const MAX_CARD_BYTES = 26_000;
/** Fields listed per change; a change of many fields says how many more. */
const MAX_CHANGES_SHOWN = 6;
/** One value on one line: the record keeps the whole text. */
const VALUE_CHARS = 80;

/**
 * `historia <asiakas>`: the customer's latest changes, newest first — when (Helsinki time), who, which
 * record, and each field from → to. Complaint text the reader may not see arrives already hidden from
 * the use case (src/app/customer-history.ts); the card only says that it changed.
 */
export function customerHistoryCard(locale: Locale, history: CustomerHistory): AdaptiveCard {
  const build = (shown: number): AdaptiveCard => {
    const entries = history.entries.slice(0, shown);
    const more = history.more + history.entries.length - entries.length;
    const body: CardElement[] = [textBlock(t(locale, 'history.title', { customer: history.customer.name }), { size: 'large', weight: 'bolder' })];
    if (entries.length === 0 && more === 0) {
      body.push(textBlock(t(locale, 'history.none'), { isSubtle: true }));
    } else {
      body.push(textBlock(tn(locale, 'history.intro', entries.length), { isSubtle: true, size: 'small' }));
      body.push(...entries.map((e) => entryBlock(locale, e, history.names)));
    }
    if (more > 0) body.push(textBlock(tn(locale, 'history.more', more), { isSubtle: true, separator: true }));
    return adaptiveCard({ body });
  };
  let shown = history.entries.length;
  let card = build(shown);
  while (shown > 1 && Buffer.byteLength(JSON.stringify(card)) > MAX_CARD_BYTES) card = build(--shown);
  return card;
}

function entryBlock(locale: Locale, e: HistoryEntry, names: Record<string, string>): CardElement {
  const subject = [e.subject.name, e.subject.date ? formatDate(locale, e.subject.date) : undefined].filter(Boolean).join(' · ');
  const what = e.action === 'status' && e.status
    ? t(locale, 'history.action.status', { from: e.status.from === null ? t(locale, 'history.empty') : statusLabel(locale, e.kind, e.status.from), to: statusLabel(locale, e.kind, e.status.to) })
    : t(locale, `history.action.${e.action}`);
  const shown = e.changes.slice(0, MAX_CHANGES_SHOWN);
  const items: CardElement[] = [
    textBlock(t(locale, 'history.when', { when: formatDateTime(locale, e.at), who: e.by.name }), { weight: 'bolder', size: 'small' }),
    textBlock(`${t(locale, 'history.subject', { kind: t(locale, `history.kind.${e.kind}`), subject }).trim()}: ${what}`, { spacing: 'none' }),
  ];
  if (shown.length > 0) items.push(factSet(shown.map((c) => [fieldName(locale, e.kind, c.field), changeText(locale, e, c, names)] as const), { spacing: 'small' }));
  if (e.changes.length > shown.length) items.push(textBlock(tn(locale, 'history.moreChanges', e.changes.length - shown.length), { isSubtle: true, size: 'small', spacing: 'none' }));
  return container({ separator: true, spacing: 'medium', items });
}

function changeText(locale: Locale, e: HistoryEntry, c: HistoryChange, names: Record<string, string>): string {
  if (c.hidden) return t(locale, 'history.hidden');
  const to = valueText(locale, e.kind, c.field, c.to, names);
  // A create has no "before": its fields are just what was recorded.
  if (e.action === 'create') return to;
  return t(locale, 'history.change', { from: valueText(locale, e.kind, c.field, c.from, names), to });
}

function statusLabel(locale: Locale, kind: AuditKind, status: string): string {
  const key = kind === 'complaint' ? `customerCard.complaintStatus.${status}` : `status.${status}`;
  return isMessageKey(key) ? t(locale, key) : status;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A stored value as people read it: names for ids, dates in Finnish form, enum values translated. */
function valueText(locale: Locale, kind: AuditKind, field: string, value: unknown, names: Record<string, string>): string {
  if (value === null || value === undefined || value === '') return t(locale, 'history.empty');
  if (Array.isArray(value)) return shortText(value.map((v) => valueText(locale, kind, field, v, names)).join(', '), VALUE_CHARS);
  if (typeof value === 'boolean') return t(locale, value ? 'history.yes' : 'history.no');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return shortText(String(o.name ?? o.channelName ?? JSON.stringify(value)), VALUE_CHARS);
  }
  const text = String(value);
  if (names[text]) return names[text];
  if (isoDate.test(text)) return formatDate(locale, text);
  if (isoInstant.test(text)) return formatDateTime(locale, text);
  const enumKey = [`${kind}.${field}.${text}`, `customerCard.${field === 'lifecyclePhase' ? 'phase' : field}.${text}`, `${field}.${text}`].find(isMessageKey);
  if (field === 'status') return statusLabel(locale, kind, text);
  return shortText(enumKey ? t(locale, enumKey) : text, VALUE_CHARS);
}

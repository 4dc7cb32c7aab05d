import { randomUUID } from 'node:crypto';
import type { EntryCorrectedEvent, EntryWithdrawnEvent } from '../../src/domain/events/entry-events.js';
import { formatDate, formatDateTime, t, tn, type Locale } from '../../src/i18n/messages.js';
import type { RecordedEntryKind } from '../../src/store/record-queries.js';
import { actionExecute, adaptiveCard, container, factSet, textBlock, type AdaptiveCard, type CardElement } from './elements.js';

/**
 * `omat` / `mine` (issue 11): a person's latest entries, each with Edit and Withdraw, and the cards a
 * correction leaves in the channels: a withdrawn entry's card says so (and no longer what the entry said).
 */

/** One line of `omat`: which entry, where, and the version its buttons act on. */
export interface MineRow {
  kind: RecordedEntryKind;
  recordId: string;
  version: number;
  date: string;
  createdAt: string;
  careHomeName?: string | undefined;
  customerName?: string | undefined;
  /** Whether the entry's form opens here in edit mode (places and complaints change on their own cards). */
  editable: boolean;
}

/** "Valvontakäynti 20.11.2026": what the entry was, as every card of this file names it. */
export function entryTitle(locale: Locale, kind: RecordedEntryKind, date: string): string {
  return t(locale, 'mine.entry', { kind: t(locale, `mine.kind.${kind}`), date: formatDate(locale, date) });
}

/** The home and the customer of an entry, as one line ("Koivukoti · Espoon kaupunki"). */
function whereOf(row: { careHomeName?: string | undefined; customerName?: string | undefined }): string {
  return [row.careHomeName, row.customerName].filter(Boolean).join(' · ');
}

export function mineCard(locale: Locale, rows: readonly MineRow[], windowHours: number): AdaptiveCard {
  const body: CardElement[] = [textBlock(t(locale, 'mine.title'), { size: 'large', weight: 'bolder' })];
  if (rows.length === 0) {
    body.push(textBlock(t(locale, 'mine.none'), { isSubtle: true }));
    return adaptiveCard({ body });
  }
  body.push(textBlock(`${tn(locale, 'mine.intro', rows.length)} ${tn(locale, 'mine.howTo', windowHours)}`, { isSubtle: true, size: 'small' }));
  for (const row of rows) {
    const ref = { kind: row.kind, recordId: row.recordId, expectedVersion: String(row.version) };
    body.push(
      container({
        separator: true,
        items: [
          textBlock(entryTitle(locale, row.kind, row.date), { weight: 'bolder' }),
          ...(whereOf(row) ? [textBlock(whereOf(row), { spacing: 'none' })] : []),
          textBlock(t(locale, 'mine.recordedAt', { when: formatDateTime(locale, row.createdAt) }), { isSubtle: true, size: 'small', spacing: 'none' }),
          {
            type: 'ActionSet',
            actions: [
              ...(row.editable ? [actionExecute({ title: t(locale, 'mine.edit'), verb: 'mine.edit', data: { ...ref, requestId: randomUUID() } })] : []),
              actionExecute({ title: t(locale, 'mine.withdraw'), verb: 'mine.withdraw', data: { ...ref, requestId: randomUUID() } }),
            ],
          },
        ],
      }),
    );
  }
  return adaptiveCard({ body });
}

/** "Withdraw this entry?": the request id of the confirm button makes a double press withdraw once. */
export function withdrawConfirmCard(locale: Locale, row: Omit<MineRow, 'editable' | 'createdAt'>): AdaptiveCard {
  const ref = { kind: row.kind, recordId: row.recordId, expectedVersion: String(row.version) };
  return adaptiveCard({
    body: [
      textBlock(t(locale, 'mine.confirm.title'), { size: 'large', weight: 'bolder' }),
      textBlock(entryTitle(locale, row.kind, row.date), { weight: 'bolder' }),
      ...(whereOf(row) ? [textBlock(whereOf(row), { spacing: 'none' })] : []),
      textBlock(t(locale, 'mine.confirm.text'), { wrap: true }),
    ],
    actions: [
      actionExecute({ title: t(locale, 'mine.confirm.yes'), verb: 'mine.withdrawConfirm', style: 'destructive', data: { ...ref, requestId: randomUUID() } }),
      actionExecute({ title: t(locale, 'mine.confirm.no'), verb: 'mine.list', data: { requestId: randomUUID() } }),
    ],
  });
}

/** The card a withdrawn entry's posted cards become: which entry, who withdrew it and when, nothing of its text. */
export function withdrawnEntryCard(event: EntryWithdrawnEvent, locale: Locale): AdaptiveCard {
  const d = event.data;
  const facts = [
    ...(d.careHomeName ? [[t(locale, 'card.note.home'), d.careHomeName] as const] : []),
    ...(d.customerName ? [[t(locale, 'card.note.customer'), d.customerName] as const] : []),
  ];
  return adaptiveCard({
    body: [
      textBlock(t(locale, 'card.withdrawn.title', { entry: entryTitle(locale, d.kind, d.date) }), { size: 'large', weight: 'bolder', color: 'attention' }),
      ...(facts.length > 0 ? [factSet(facts)] : []),
      textBlock(t(locale, 'card.withdrawn.by', { name: d.withdrawnBy.name, when: formatDateTime(locale, d.withdrawnAt) }), { isSubtle: true, size: 'small', wrap: true }),
    ],
  });
}

/** A corrected entry's card: the entry's own card as it is now, with who edited it and when at the end. */
export function correctedEntryCard(event: EntryCorrectedEvent, locale: Locale, card: AdaptiveCard): AdaptiveCard {
  const note = textBlock(t(locale, 'card.corrected.by', { name: event.data.correctedBy.name, when: formatDateTime(locale, event.data.correctedAt) }), { isSubtle: true, size: 'small' });
  return { ...card, body: [...card.body, note] };
}

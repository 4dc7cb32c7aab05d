import { randomUUID } from 'node:crypto';
import { t, type Locale } from '../../src/i18n/messages.js';
import type { RecordedEntryKind } from '../../src/store/record-queries.js';
import { actionExecute, adaptiveCard, factSet, textBlock, type AdaptiveCard, type CardElement } from '../cards/elements.js';

/**
 * What a saved form turns into (issue 11): "Tallennettu", what was saved, *Muokkaa* (the same form again,
 * prefilled, in edit mode) and *Kirjaa uusi* (a fresh form with a new request id). Answered to an
 * Action.Execute, it replaces the form for the one who saved it, so a used form is never pressed twice.
 */
export interface Receipt {
  kind: RecordedEntryKind;
  recordId: string;
  /** The flow's confirmation sentence ("Tallennettu: valvontakäynti 20.11.2026, Koivukoti (Espoon kaupunki)"). */
  saved: string;
  facts?: readonly (readonly [string, string])[];
  /** A correction was saved (not a new entry). */
  changed?: boolean;
  /** Whether Muokkaa can open the form again (every kind whose form is in bot/forms' registry). */
  editable?: boolean;
}

export function receiptCard(locale: Locale, receipt: Receipt): AdaptiveCard {
  const body: CardElement[] = [
    // The tick says it in a sign, not in colour alone (green text fails contrast on Teams' light theme).
    textBlock(`✓ ${t(locale, 'receipt.title')}`, { size: 'large', weight: 'bolder' }),
    textBlock(receipt.saved, { wrap: true }),
  ];
  if (receipt.changed) body.push(textBlock(t(locale, 'receipt.changed'), { isSubtle: true, size: 'small' }));
  if (receipt.facts && receipt.facts.length > 0) body.push(factSet(receipt.facts));
  return adaptiveCard({
    body,
    actions: [
      ...(receipt.editable === false
        ? []
        : [actionExecute({ title: t(locale, 'receipt.edit'), verb: 'mine.edit', data: { kind: receipt.kind, recordId: receipt.recordId, requestId: randomUUID() } })]),
      actionExecute({ title: t(locale, 'receipt.another'), verb: 'mine.new', data: { kind: receipt.kind, requestId: randomUUID() } }),
    ],
  });
}

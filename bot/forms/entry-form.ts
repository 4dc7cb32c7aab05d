import type { UseCaseResult } from '../../src/app/result.js';
import type { RecordedEntryKind } from '../../src/store/record-queries.js';
import type { RecordOf } from '../../src/store/record-kinds.js';
import type { FlowContext, SubmitEnvelope } from '../flows/flow.js';
import type { FormSpec, FormState } from './form-card.js';
import { receiptCard, type Receipt } from './receipt-card.js';
import { refusalText } from './refusal.js';

/**
 * What every record form shares around the form itself (issue 11): opening it fresh or in edit mode, the
 * receipt that replaces it once saved, and a refusal shown on the form with the typed values kept.
 */

/** A kind's form as `omat` and the receipts open it: fresh, or in edit mode prefilled with the stored entry. */
export interface EntryForm<K extends RecordedEntryKind = RecordedEntryKind> {
  kind: K;
  open(ctx: FlowContext, record?: RecordOf<K>): Promise<void>;
}

/** The edit mode a submit came from: the entry and the version its form showed (FormSpec.edit). */
export function editOf(envelope: SubmitEnvelope): FormSpec['edit'] {
  const { recordId, expectedVersion } = envelope;
  const version = Number(expectedVersion);
  return typeof recordId === 'string' && Number.isInteger(version) && version > 0 ? { recordId, version } : undefined;
}

/**
 * A stored record as a form's values: each field's value as Teams sends an input's ("true"/"false" for a
 * switch, "a,b" for a multi-select), so the prefilled form and a typed one go through the same coercion.
 */
export function prefill(spec: FormSpec, record: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of spec.fields) {
    if (field.kind === 'hint') continue;
    const value = record[field.id];
    if (value === undefined || value === null) continue;
    values[field.id] = Array.isArray(value) ? value.join(',') : typeof value === 'boolean' ? String(value) : value;
  }
  return values;
}

/**
 * Saved: to an Action.Execute the receipt, in the form's place; to a message (a form posted before Universal
 * Actions) the confirmation sentence, as before.
 */
export async function answerSaved(ctx: FlowContext, receipt: Receipt): Promise<void> {
  if (ctx.via === 'execute') await ctx.reply.card(receiptCard(ctx.locale, receipt));
  else await ctx.reply.text(receipt.saved);
}

/**
 * Refused (not allowed, changed first, gone): to an Action.Execute the form again with what was typed and
 * the refusal on top — in edit mode over the version that won, so saving again is a conscious overwrite; to a
 * message, the refusal as text.
 */
export async function answerRefused(
  ctx: FlowContext,
  result: Exclude<UseCaseResult<unknown>, { ok: true }>,
  resend: (state: Omit<FormState, 'requestId'>, edit: FormSpec['edit']) => Promise<void>,
  edit: FormSpec['edit'],
  values: Record<string, unknown>,
): Promise<void> {
  if (ctx.via !== 'execute') return ctx.reply.text(refusalText(ctx.locale, result));
  const current = result.reason === 'conflict' ? result.changedFirst?.version : undefined;
  await resend({ values, refusal: refusalText(ctx.locale, result) }, edit && current ? { ...edit, version: current } : edit);
}

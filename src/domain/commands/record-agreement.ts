import { z } from 'zod';
import { agreementInputSchema, type Agreement } from '../records/agreement.js';
import { recordId } from '../records/common.js';
import { fieldErrorsFrom, type FieldError } from '../validation.js';

/** The agreement form's request: its id is the agreement's, so a repeated submit stores one agreement. */
export const recordAgreementRequest = z.object({ requestId: recordId });

export type AgreementInput = Omit<Agreement, 'id' | 'version' | 'createdAt' | 'createdBy' | 'updatedAt'>;

/**
 * A price as people type it: "182,50", "182.5", "182,50 €", "1 250". Anything else is left as typed, so the
 * schema refuses it and the form says so under the field.
 */
function priceFrom(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const compact = raw.replace(/[\s\u00a0€]/g, '').replace(',', '.');
  return /^\d{1,7}(\.\d{1,2})?$/.test(compact) ? Number(compact) : raw;
}

/** Option years as typed: "2028, 2029" or "2028 2029"; in order, each once. Anything not a year is left as typed. */
function yearsFrom(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const parts = raw.split(/[\s,;]+/).filter(Boolean);
  if (!parts.every((p) => /^\d{4}$/.test(p))) return raw;
  return [...new Set(parts.map(Number))].sort((a, b) => a - b);
}

/**
 * The form's strings (Teams sends every input as a string: a multi-select "a,b", a toggle "true"/"false") as
 * the agreement input schema's types. An empty optional field is absent, not an empty value.
 */
export function agreementInputFrom(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'string' && value.trim() === '') continue;
    out[key] = value;
  }
  if (typeof out.serviceTypes === 'string') out.serviceTypes = out.serviceTypes.split(',').filter(Boolean);
  if ('pricePerDay' in out) out.pricePerDay = priceFrom(out.pricePerDay);
  if ('optionYears' in out) out.optionYears = yearsFrom(out.optionYears);
  out.paymentCommitment = out.paymentCommitment === true || out.paymentCommitment === 'true';
  return out;
}

/** A mistyped price or year says what is expected, not only that the value is wrong. */
const typedFieldKeys: Record<string, string> = { pricePerDay: 'agreement.invalidPrice', optionYears: 'agreement.invalidOptionYears' };

/** The form's values checked with the agreement's own schema (src/domain/records/agreement.ts). */
export function parseAgreementForm(values: Record<string, unknown>): { ok: true; requestId: string; agreement: AgreementInput } | { ok: false; errors: FieldError[] } {
  const request = recordAgreementRequest.safeParse(values);
  const agreement = parseAgreementFields(values);
  if (request.success && agreement.ok) return { ok: true, requestId: request.data.requestId, agreement: agreement.agreement };
  return { ok: false, errors: [...(request.success ? [] : fieldErrorsFrom(request.error)), ...(agreement.ok ? [] : agreement.errors)] };
}

/** The agreement's fields alone (a new agreement's form, or a stored one changed on the tab's customer page). */
export function parseAgreementFields(values: Record<string, unknown>): { ok: true; agreement: AgreementInput } | { ok: false; errors: FieldError[] } {
  const agreement = agreementInputSchema.safeParse(agreementInputFrom(values));
  if (agreement.success) return { ok: true, agreement: agreement.data };
  // Something was typed there (zod reports a string where a number was due as merely "invalid type").
  const typed = (field: string) => typeof values[field] === 'string' && (values[field] as string).trim() !== '';
  return { ok: false, errors: fieldErrorsFrom(agreement.error).map((e) => (typedFieldKeys[e.field] && typed(e.field) ? { field: e.field, key: typedFieldKeys[e.field]! } : e)) };
}

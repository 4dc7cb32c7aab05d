import { addYears, localDate } from '../../src/domain/dates.js';
import type { CareHome } from '../../src/domain/records/care-home.js';
import { customerGroups, serviceTypes } from '../../src/domain/records/common.js';
import type { FieldError } from '../../src/domain/validation.js';
import { t, type Locale } from '../../src/i18n/messages.js';
import { careHomeOptions, formCard, type FormSpec } from '../forms/form-card.js';
import type { AdaptiveCard } from './elements.js';

export interface PlaceFreedFormOptions {
  homes: CareHome[];
  /** The id the submit carries: the same form submitted twice stores one place. */
  requestId: string;
  /** The user's typed values, when the form comes back with errors. */
  values?: Record<string, unknown>;
  errors?: FieldError[];
  /** A refused save, in the reader's words (bot/forms/refusal.ts), shown above the typed values. */
  refusal?: string;
  today?: string;
}

export function placeFreedFormSpec(locale: Locale, homes: CareHome[], today: string): FormSpec {
  return {
    title: 'form.placeFreed.title',
    intro: 'form.placeFreed.intro',
    submitAction: 'placeFreed.submit',
    fields: [
      { kind: 'careHome', id: 'careHomeId', label: 'form.placeFreed.careHome', required: true, choices: careHomeOptions(homes) },
      { kind: 'choice', id: 'serviceType', label: 'form.placeFreed.serviceType', required: true, choices: serviceTypes.map((s) => ({ title: t(locale, `serviceType.${s}`), value: s })) },
      { kind: 'choice', id: 'customerGroup', label: 'form.placeFreed.customerGroup', required: true, choices: customerGroups.map((g) => ({ title: t(locale, `customerGroup.${g}`), value: g })) },
      { kind: 'text', id: 'label', label: 'form.placeFreed.label', placeholder: 'form.placeFreed.labelPlaceholder', maxLength: 40, required: true },
      { kind: 'date', id: 'freeFrom', label: 'form.placeFreed.freeFrom', required: true, defaultValue: today, max: addYears(today, 1) },
      { kind: 'text', id: 'note', label: 'form.placeFreed.note', placeholder: 'form.placeFreed.notePlaceholder', multiline: true, maxLength: 500 },
    ],
  };
}

/**
 * The "vapaa paikka" form. On a validation error the same form comes back with every typed value
 * kept and a message under each field that needs fixing.
 */
export function placeFreedFormCard(locale: Locale, options: PlaceFreedFormOptions): AdaptiveCard {
  const today = options.today ?? localDate(new Date());
  return formCard(locale, { ...placeFreedFormSpec(locale, options.homes, today) }, {
    requestId: options.requestId,
    ...(options.values ? { values: options.values } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
    ...(options.refusal ? { refusal: options.refusal } : {}),
  });
}

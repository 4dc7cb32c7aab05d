import { addYears, localDate } from '../../src/domain/dates.js';
import type { CareHome } from '../../src/domain/records/care-home.js';
import { customerGroups, serviceTypes } from '../../src/domain/records/common.js';
import type { FieldError } from '../../src/domain/validation.js';
import { t, type Locale } from '../../src/i18n/messages.js';
import {
  actionSubmit,
  adaptiveCard,
  fieldError,
  inputChoiceSet,
  inputDate,
  inputText,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './elements.js';

export interface PlaceFreedFormOptions {
  homes: CareHome[];
  /** The id the submit carries: the same form submitted twice stores one place. */
  requestId: string;
  /** The user's typed values, when the form comes back with errors. */
  values?: Record<string, unknown>;
  errors?: FieldError[];
  today?: string;
}

/**
 * The "vapaa paikka" form. On a validation error the same form comes back with every typed value
 * kept and a message under each field that needs fixing.
 */
export function placeFreedFormCard(locale: Locale, options: PlaceFreedFormOptions): AdaptiveCard {
  const values = options.values ?? {};
  const errors = new Map((options.errors ?? []).map((e) => [e.field, t(locale, e.key, e.params)]));
  const today = options.today ?? localDate(new Date());
  const str = (field: string) => (typeof values[field] === 'string' ? (values[field] as string) : undefined);
  const withError = (field: string, input: CardElement): CardElement[] => {
    const message = errors.get(field);
    return message ? [input, fieldError(message)] : [input];
  };

  const body: CardElement[] = [
    textBlock(t(locale, 'form.placeFreed.title'), { size: 'large', weight: 'bolder' }),
    textBlock(t(locale, 'form.placeFreed.intro'), { isSubtle: true }),
  ];
  if (errors.size > 0) body.push(textBlock(t(locale, 'form.fixErrors'), { color: 'attention', weight: 'bolder' }));
  body.push(
    ...withError(
      'careHomeId',
      inputChoiceSet({
        id: 'careHomeId',
        label: t(locale, 'form.placeFreed.careHome'),
        placeholder: t(locale, 'form.choose'),
        choices: options.homes.map((h) => ({ title: `${h.name} (${h.city})`, value: h.id })),
        value: str('careHomeId'),
        isRequired: true,
        errorMessage: t(locale, 'validation.required'),
      }),
    ),
    ...withError(
      'serviceType',
      inputChoiceSet({
        id: 'serviceType',
        label: t(locale, 'form.placeFreed.serviceType'),
        placeholder: t(locale, 'form.choose'),
        choices: serviceTypes.map((s) => ({ title: t(locale, `serviceType.${s}`), value: s })),
        value: str('serviceType'),
        isRequired: true,
        errorMessage: t(locale, 'validation.required'),
      }),
    ),
    ...withError(
      'customerGroup',
      inputChoiceSet({
        id: 'customerGroup',
        label: t(locale, 'form.placeFreed.customerGroup'),
        placeholder: t(locale, 'form.choose'),
        choices: customerGroups.map((g) => ({ title: t(locale, `customerGroup.${g}`), value: g })),
        value: str('customerGroup'),
        isRequired: true,
        errorMessage: t(locale, 'validation.required'),
      }),
    ),
    ...withError(
      'label',
      inputText({
        id: 'label',
        label: t(locale, 'form.placeFreed.label'),
        placeholder: t(locale, 'form.placeFreed.labelPlaceholder'),
        value: str('label'),
        maxLength: 40,
        isRequired: true,
        errorMessage: t(locale, 'validation.required'),
      }),
    ),
    ...withError(
      'freeFrom',
      inputDate({
        id: 'freeFrom',
        label: t(locale, 'form.placeFreed.freeFrom'),
        value: str('freeFrom') ?? today,
        max: addYears(today, 1),
        isRequired: true,
        errorMessage: t(locale, 'validation.invalidDate'),
      }),
    ),
    ...withError(
      'note',
      inputText({
        id: 'note',
        label: t(locale, 'form.placeFreed.note'),
        placeholder: t(locale, 'form.placeFreed.notePlaceholder'),
        value: str('note'),
        isMultiline: true,
        maxLength: 500,
      }),
    ),
  );
  return adaptiveCard({
    body,
    actions: [actionSubmit({ title: t(locale, 'form.submit'), data: { action: 'placeFreed.submit', requestId: options.requestId }, style: 'positive' })],
  });
}

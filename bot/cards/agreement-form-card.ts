import { customerSegments, type Customer } from '../../src/domain/records/customer.js';
import { serviceTypes } from '../../src/domain/records/common.js';
import { t, type Locale } from '../../src/i18n/messages.js';
import { formCard, type FormSpec, type FormState } from '../forms/form-card.js';
import { textBlock, type AdaptiveCard } from './elements.js';

/**
 * The agreement form (the customer card's *Kirjaa sopimus*): the fields of the agreement input schema
 * (src/domain/records/agreement.ts) but the customer, which the card carries. Its kind starts as the
 * customer's segment.
 */
export function agreementFormSpec(locale: Locale, customer: Pick<Customer, 'id'>): FormSpec {
  return {
    title: 'agreement.form.title',
    intro: 'agreement.form.intro',
    submitAction: 'agreement.submit',
    data: { customerId: customer.id },
    fields: [
      { kind: 'text', id: 'title', label: 'agreement.form.content', required: true, maxLength: 200 },
      { kind: 'choice', id: 'kind', label: 'agreement.form.kind', required: true, choices: customerSegments.map((s) => ({ title: t(locale, `customerCard.segment.${s}`), value: s })) },
      { kind: 'choice', id: 'serviceTypes', label: 'agreement.form.serviceTypes', required: true, multiSelect: true, choices: serviceTypes.map((s) => ({ title: t(locale, `serviceType.${s}`), value: s })) },
      { kind: 'text', id: 'serviceDescription', label: 'agreement.form.serviceDescription', multiline: true, maxLength: 4000 },
      { kind: 'text', id: 'pricePerDay', label: 'agreement.form.pricePerDay', maxLength: 20, placeholder: 'agreement.form.pricePlaceholder' },
      { kind: 'date', id: 'startDate', label: 'agreement.form.startDate', required: true },
      { kind: 'date', id: 'endDate', label: 'agreement.form.endDate' },
      { kind: 'text', id: 'optionYears', label: 'agreement.form.optionYears', maxLength: 60, placeholder: 'agreement.form.optionYearsPlaceholder' },
      { kind: 'toggle', id: 'paymentCommitment', label: 'agreement.form.paymentCommitment' },
      { kind: 'hint', text: 'form.privacyHint', attention: true },
    ],
  };
}

/**
 * The form as a card: the customer's name under the title. Its Save is an Action.Execute (bot/forms/form-card.ts),
 * so the answer (the customer card, or this form with the errors) replaces the form for the one who pressed.
 */
export function agreementFormCard(locale: Locale, customer: Pick<Customer, 'id' | 'name' | 'segment'>, state: FormState): AdaptiveCard {
  const spec = agreementFormSpec(locale, customer);
  const card = formCard(locale, spec, { ...state, values: { kind: customer.segment, ...state.values } });
  const [title, ...rest] = card.body;
  return {
    ...card,
    body: [title!, textBlock(customer.name, { weight: 'bolder', spacing: 'none' }), ...rest],
  };
}

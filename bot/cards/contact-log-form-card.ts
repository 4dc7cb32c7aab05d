import { addYears } from '../../src/domain/dates.js';
import { contactTypes } from '../../src/domain/records/contact-log-entry.js';
import { t, type Locale } from '../../src/i18n/messages.js';
import type { CustomerChoice, FormSpec } from '../forms/form-card.js';

/** The `kirjaa` form: the fields of the contact-log-entry input schema. */
export function contactLogFormSpec(locale: Locale, customers: readonly CustomerChoice[], today: string): FormSpec {
  return {
    title: 'form.log.title',
    intro: 'form.log.intro',
    submitAction: 'contactLog.submit',
    fields: [
      { kind: 'customer', id: 'customerId', label: 'form.log.customer', required: true, choices: customers.map((c) => ({ title: c.name, value: c.id })) },
      { kind: 'date', id: 'date', label: 'form.log.date', required: true, defaultValue: today, max: today },
      { kind: 'choice', id: 'type', label: 'form.log.type', required: true, choices: contactTypes.map((c) => ({ title: t(locale, `contactType.${c}`), value: c })) },
      { kind: 'text', id: 'matter', label: 'form.log.matter', required: true, multiline: true, maxLength: 4000 },
      { kind: 'text', id: 'agreedActions', label: 'form.log.agreedActions', multiline: true, maxLength: 4000 },
      { kind: 'date', id: 'nextContactDate', label: 'form.log.nextContactDate', min: today, max: addYears(today, 2) },
      { kind: 'text', id: 'nextContactTopic', label: 'form.log.nextContactTopic', maxLength: 500 },
      { kind: 'hint', text: 'form.privacyHint', attention: true },
    ],
  };
}

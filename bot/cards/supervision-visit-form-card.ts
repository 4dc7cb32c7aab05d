import type { CareHome } from '../../src/domain/records/care-home.js';
import { careHomeOptions, type CustomerChoice, type FormSpec } from '../forms/form-card.js';

/** The `käynti` form: the fields of the supervision-visit input schema. */
export function supervisionVisitFormSpec(customers: readonly CustomerChoice[], homes: CareHome[], today: string): FormSpec {
  return {
    title: 'form.visit.title',
    intro: 'form.visit.intro',
    submitAction: 'visit.submit',
    fields: [
      { kind: 'customer', id: 'customerId', label: 'form.visit.customer', required: true, choices: customers.map((c) => ({ title: c.name, value: c.id })) },
      { kind: 'careHome', id: 'careHomeId', label: 'form.visit.careHome', required: true, choices: careHomeOptions(homes) },
      { kind: 'date', id: 'date', label: 'form.visit.date', required: true, defaultValue: today, max: today },
      { kind: 'text', id: 'participants', label: 'form.visit.participants', required: true, maxLength: 1000 },
      { kind: 'text', id: 'findings', label: 'form.visit.findings', required: true, multiline: true, maxLength: 4000 },
      { kind: 'text', id: 'followUpActions', label: 'form.visit.followUpActions', multiline: true, maxLength: 4000 },
      { kind: 'toggle', id: 'specialMention', label: 'form.visit.specialMention' },
      { kind: 'hint', text: 'form.privacyHint', attention: true },
    ],
  };
}

import type { CareHome } from '../../src/domain/records/care-home.js';
import { complaintChannels, complaintSeverities } from '../../src/domain/records/complaint.js';
import type { ComplaintReceived } from '../../src/app/receive-complaint.js';
import { formatDate, t, type Locale } from '../../src/i18n/messages.js';
import { careHomeOptions, type CustomerChoice, type FormSpec } from '../forms/form-card.js';

/**
 * The `reklamaatio` form: the fields of the complaint input schema a user types. The privacy reminders
 * stand right above the matter, where a resident's details could slip in (DOMAIN.md, Privacy).
 */
export function complaintFormSpec(locale: Locale, customers: readonly CustomerChoice[], homes: CareHome[], today: string): FormSpec {
  return {
    title: 'form.complaint.title',
    intro: 'form.complaint.intro',
    submitAction: 'complaint.submit',
    fields: [
      { kind: 'customer', id: 'customerId', label: 'form.complaint.customer', required: true, choices: customers.map((c) => ({ title: c.name, value: c.id })) },
      { kind: 'careHome', id: 'careHomeId', label: 'form.complaint.careHome', required: true, choices: careHomeOptions(homes) },
      { kind: 'date', id: 'receivedDate', label: 'form.complaint.receivedDate', required: true, defaultValue: today, max: today },
      {
        kind: 'choice',
        id: 'channel',
        label: 'form.complaint.channel',
        required: true,
        choices: complaintChannels.map((c) => ({ title: t(locale, `complaint.channel.${c}`), value: c })),
      },
      // One reminder, the complaint's own: it already says no names, and two warnings in a row read as noise.
      { kind: 'hint', text: 'form.complaint.privacyHint', attention: true },
      { kind: 'text', id: 'matter', label: 'form.complaint.matter', required: true, multiline: true, maxLength: 4000, placeholder: 'form.complaint.matterPlaceholder' },
      {
        kind: 'choice',
        id: 'severity',
        label: 'form.complaint.severity',
        required: true,
        choices: complaintSeverities.map((s) => ({ title: t(locale, `complaint.severity.${s}`), value: s })),
      },
    ],
  };
}

/** The sentence a saved complaint form's receipt says: home, customer, severity and the first step's target date. */
export function complaintSavedText(locale: Locale, saved: ComplaintReceived, duplicate: boolean): string {
  const { complaint, careHomeName, customerName } = saved;
  return t(locale, duplicate ? 'complaint.savedAlready' : 'complaint.saved', {
    home: careHomeName,
    customer: customerName,
    severity: t(locale, `complaint.severity.${complaint.severity}`).toLocaleLowerCase(locale),
    due: complaint.nextStepDue ? formatDate(locale, complaint.nextStepDue) : '',
  });
}

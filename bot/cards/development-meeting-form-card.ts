import type { CareHome } from '../../src/domain/records/care-home.js';
import { developmentMeetingKinds } from '../../src/domain/records/development-meeting.js';
import { t, type Locale } from '../../src/i18n/messages.js';
import { careHomeOptions, formCard, type CustomerChoice, type FormSpec, type FormState } from '../forms/form-card.js';
import type { AdaptiveCard } from './elements.js';

/** The `kokous` form: the fields of the development-meeting input schema, with a date and two times for its start and end. */
export function developmentMeetingFormSpec(locale: Locale, customers: readonly CustomerChoice[], homes: CareHome[], today: string): FormSpec {
  return {
    title: 'form.meeting.title',
    intro: 'form.meeting.intro',
    submitAction: 'meeting.submit',
    fields: [
      { kind: 'choice', id: 'kind', label: 'form.meeting.kind', required: true, choices: developmentMeetingKinds.map((k) => ({ title: t(locale, `meetingKind.${k}`), value: k })) },
      { kind: 'customer', id: 'customerId', label: 'form.meeting.customer', choices: customers.map((c) => ({ title: c.name, value: c.id })) },
      { kind: 'careHome', id: 'careHomeId', label: 'form.meeting.careHome', choices: careHomeOptions(homes) },
      { kind: 'date', id: 'date', label: 'form.meeting.date', required: true, defaultValue: today },
      // Helsinki wall-clock times on the meeting's date; the use case turns them into instants.
      { kind: 'time', id: 'startTime', label: 'form.meeting.startTime', required: true, errorMessage: 'meeting.invalidTime' },
      { kind: 'time', id: 'endTime', label: 'form.meeting.endTime', required: true, errorMessage: 'meeting.invalidTime' },
      { kind: 'text', id: 'participants', label: 'form.meeting.participants', required: true, multiline: true, maxLength: 1000 },
      { kind: 'text', id: 'memo', label: 'form.meeting.memo', multiline: true, maxLength: 4000 },
      { kind: 'text', id: 'feedback', label: 'form.meeting.feedback', multiline: true, maxLength: 4000 },
      { kind: 'text', id: 'developmentItems', label: 'form.meeting.developmentItems', multiline: true, maxLength: 4000 },
      { kind: 'hint', text: 'form.privacyHint', attention: true },
    ],
  };
}

/** The form card (kept as a name of its own: the flow and the card tests call it). */
export function developmentMeetingFormCard(locale: Locale, spec: FormSpec, state: FormState): AdaptiveCard {
  return formCard(locale, spec, state);
}

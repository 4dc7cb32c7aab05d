import type { Invitee } from '../../src/app/meeting-invitees.js';
import type { CareHome } from '../../src/domain/records/care-home.js';
import type { DevelopmentMeeting } from '../../src/domain/records/development-meeting.js';
import type { Locale } from '../../src/i18n/messages.js';
import { careHomeOptions, formCard, type CustomerChoice, type FormSpec, type FormState } from '../forms/form-card.js';
import type { AdaptiveCard } from './elements.js';

/**
 * The `kokous` scheduling form (issue 12): customer and care home (the yearly meeting only), date and start
 * time in Finnish time, duration, agenda, the invitees offered (src/app/meeting-invitees.ts) and a free text
 * of other addresses. The meeting kind rides in the submit's data.
 */
export function meetingScheduleFormSpec(
  _locale: Locale,
  input: { kind: DevelopmentMeeting['kind']; customers: readonly CustomerChoice[]; homes: CareHome[]; invitees: readonly Invitee[]; today: string },
): FormSpec {
  const quarterly = input.kind === 'neljannesvuosittainen';
  return {
    title: quarterly ? 'form.schedule.titleQuarterly' : 'form.schedule.title',
    intro: quarterly ? 'form.schedule.introQuarterly' : 'form.schedule.intro',
    submitAction: 'meeting.schedule',
    data: { kind: input.kind },
    fields: [
      ...(quarterly
        ? []
        : ([
            { kind: 'customer', id: 'customerId', label: 'form.schedule.customer', required: true, choices: input.customers.map((c) => ({ title: c.name, value: c.id })) },
            { kind: 'careHome', id: 'careHomeId', label: 'form.schedule.careHome', required: true, choices: careHomeOptions(input.homes) },
          ] as const)),
      { kind: 'date', id: 'date', label: 'form.schedule.date', required: true, min: input.today, defaultValue: input.today },
      { kind: 'time', id: 'startTime', label: 'form.schedule.startTime', required: true, defaultValue: '09:00', errorMessage: 'meeting.invalidTime' },
      { kind: 'text', id: 'durationMinutes', label: 'form.schedule.duration', required: true, maxLength: 4 },
      { kind: 'text', id: 'agenda', label: 'form.schedule.agenda', multiline: true, maxLength: 2000 },
      ...(input.invitees.length > 0
        ? [{ kind: 'choice' as const, id: 'attendees', label: 'form.schedule.attendees' as const, multiSelect: true, choices: input.invitees.map((i) => ({ title: `${i.name} <${i.email}>`, value: i.email })) }]
        : []),
      { kind: 'text', id: 'extraAttendees', label: 'form.schedule.extraAttendees', multiline: true, maxLength: 4000 },
      { kind: 'hint', text: 'form.privacyHint', attention: true },
    ],
  };
}

export function meetingScheduleFormCard(locale: Locale, spec: FormSpec, state: FormState): AdaptiveCard {
  return formCard(locale, spec, state);
}

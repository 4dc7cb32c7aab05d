import { contactTitle } from '../../src/app/contact-title.js';
import type { ContactName } from '../../src/store/record-queries.js';
import type { CareHome } from '../../src/domain/records/care-home.js';
import { homeEventKinds } from '../../src/domain/records/home-event.js';
import { t, type Locale } from '../../src/i18n/messages.js';
import { careHomeOptions, type FormSpec } from '../forms/form-card.js';

/** The `tilaisuus` form: the fields of the home-event input schema; the customers follow from the attendees. */
export function homeEventFormSpec(locale: Locale, homes: CareHome[], contacts: ContactName[], today: string): FormSpec {
  return {
    title: 'form.homeEvent.title',
    intro: 'form.homeEvent.intro',
    submitAction: 'homeEvent.submit',
    fields: [
      { kind: 'careHome', id: 'careHomeId', label: 'form.homeEvent.careHome', required: true, choices: careHomeOptions(homes) },
      { kind: 'date', id: 'date', label: 'form.homeEvent.date', required: true, defaultValue: today, max: today },
      { kind: 'choice', id: 'kind', label: 'form.homeEvent.kind', required: true, choices: homeEventKinds.map((k) => ({ title: t(locale, `homeEventKind.${k}`), value: k })) },
      { kind: 'text', id: 'title', label: 'form.homeEvent.name', required: true, maxLength: 200, placeholder: 'form.homeEvent.namePlaceholder' },
      {
        kind: 'choice',
        id: 'attendingContactIds',
        label: 'form.homeEvent.attendingContacts',
        multiSelect: true,
        // A first page (src/app/search-contacts.ts attendeeChoices); the others are found by typing.
        search: { dataset: 'contacts', placeholder: 'form.searchContact' },
        choices: contacts.map((c) => ({ title: contactTitle(c), value: c.id })),
      },
      { kind: 'text', id: 'whatCameUp', label: 'form.homeEvent.whatCameUp', multiline: true, maxLength: 4000 },
      { kind: 'toggle', id: 'specialMention', label: 'form.homeEvent.specialMention' },
      { kind: 'hint', text: 'form.privacyHint', attention: true },
    ],
  };
}

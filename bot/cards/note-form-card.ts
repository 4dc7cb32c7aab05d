import type { CareHome } from '../../src/domain/records/care-home.js';
import type { NoteDirection } from '../../src/domain/records/note.js';
import { careHomeOptions, type CustomerChoice, type FormSpec } from '../forms/form-card.js';

/**
 * The `tieto` form: the fields of the note input schema. Its title and intro say where the note will go,
 * which the use case decided from the user's role.
 */
export function noteFormSpec(customers: readonly CustomerChoice[], homes: CareHome[], direction: NoteDirection): FormSpec {
  return {
    title: `form.note.title.${direction}`,
    intro: `form.note.intro.${direction}`,
    submitAction: 'note.submit',
    fields: [
      { kind: 'customer', id: 'customerId', label: 'form.note.customer', required: true, choices: customers.map((c) => ({ title: c.name, value: c.id })) },
      { kind: 'careHome', id: 'careHomeId', label: 'form.note.careHome', choices: careHomeOptions(homes) },
      { kind: 'text', id: 'matter', label: 'form.note.matter', required: true, multiline: true, maxLength: 4000 },
      { kind: 'toggle', id: 'specialMention', label: 'form.note.specialMention' },
      { kind: 'hint', text: 'form.privacyHint', attention: true },
    ],
  };
}

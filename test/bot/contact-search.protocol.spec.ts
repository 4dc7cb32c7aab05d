import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Contact } from '../../src/domain/records/contact.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { BotHarness } from '../support/bot-harness.js';
import { cardOf, inputsOf } from '../support/cards.js';
import { openForm, submitForm } from '../support/record-form-session.js';
import { englishUser, installedInTeam, regionalDirector, salesManager, searchInvoke, type TeamsUser } from '../support/teams-activities.js';

/**
 * The home-event form's attendees (issue 10): a first page of the customers' officials in the card and the
 * others found by typing — Data.Query 'contacts', answered by the bot (bot/search-invoke.ts,
 * src/app/search-contacts.ts). 60 more officials of Espoo, so there is more than one page.
 */
describe('attendee search in the home-event form (protocol)', () => {
  let h: BotHarness;
  const espooId = stableIdFor('customer:Länsi-Uudenmaan hyvinvointialue');
  const extra = Array.from({ length: 60 }, (_, i) => `Virkailija ${String(i + 1).padStart(2, '0')}`);

  before(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, salesManager));
    const at = h.clock.now().toISOString();
    const contact = (name: string): Contact => ({ id: randomUUID(), version: 1, createdAt: at, createdBy: 'test', updatedAt: at, customerId: espooId, name, role: 'sosiaalityontekija' });
    await h.app.store.records.commit({ at, writes: [...extra.map((n) => ({ kind: 'contact' as const, record: contact(n), expectedVersion: null })), { kind: 'contact' as const, record: contact('Äijälä Åke'), expectedVersion: null }], outbox: [] });
  });
  after(async () => {
    await h.stop();
  });

  async function search(user: TeamsUser, queryText: string) {
    const response = await h.post(searchInvoke(h.connector.url, user, queryText, { dataset: 'contacts' }));
    assert.equal(response.status, 200);
    const body = (await response.json()) as { value: { results: { title: string; value: string }[] } };
    return body.value.results;
  }

  it('finds officials by their name or their customer\'s, at most 25, Finnish case folding; an outsider finds none', async () => {
    const found = await search(regionalDirector, 'virkailija 4');
    assert.equal(found.length, 10, 'Virkailija 40 to 49');
    assert.ok(found.every((r) => /^Virkailija 4\d – Länsi-Uudenmaan hyvinvointialue$/.test(r.title)), found.map((r) => r.title).join(', '));
    assert.equal((await search(regionalDirector, 'ÄIJÄLÄ'))[0]?.title, 'Äijälä Åke – Länsi-Uudenmaan hyvinvointialue');
    assert.equal((await search(regionalDirector, 'länsi-uudenmaan')).length, 15, 'a page of what Teams asks for (top 15)');
    assert.deepEqual(await search(englishUser, 'virkailija'), [], 'someone outside the people list finds nobody');
  });

  it('lists a first page in the form with the search, and keeps an official found by typing selected', async () => {
    const { form } = await openForm(h, regionalDirector, 'tilaisuus');
    const attendees = inputsOf(form.card).get('attendingContactIds')!;
    assert.deepEqual(attendees['choices.data'], { type: 'Data.Query', dataset: 'contacts' });
    assert.equal(attendees.isMultiSelect, true);
    assert.ok((attendees.choices as unknown[]).length <= 25, 'a first page');
    const [far] = await search(regionalDirector, 'virkailija 60');
    assert.ok(far && !(attendees.choices as { value: string }[]).some((c) => c.value === far.value), 'the 60th official is found by typing, not listed');
    const [again] = await submitForm(h, form, { attendingContactIds: far.value, title: '' });
    const returned = inputsOf(cardOf(again)).get('attendingContactIds')!;
    assert.equal(returned.value, far.value, 'the chosen official stays selected');
  });
});

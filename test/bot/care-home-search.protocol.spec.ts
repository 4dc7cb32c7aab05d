import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { CareHome } from '../../src/domain/records/care-home.js';
import { BotHarness } from '../support/bot-harness.js';
import { cardOf, inputsOf } from '../support/cards.js';
import { choice, openForm, submitForm } from '../support/record-form-session.js';
import { businessDirector, englishUser, homeDirector, installedInTeam, regionalDirector, salesManager, searchInvoke, type TeamsUser } from '../support/teams-activities.js';

/**
 * Teams' typeahead in every form's care-home choice: the card lists a first page and a Data.Query
 * 'careHomes'; as someone types, Teams sends an `application/search` invoke for that dataset and the bot
 * answers with the homes the person may record for (bot/search-invoke.ts, src/app/search-care-homes.ts).
 * The 9 demo homes and 30 more, so that a company-wide role has more homes than one page.
 */
describe('care-home search for typeahead choices (protocol)', () => {
  let h: BotHarness;
  const pihlajat = Array.from({ length: 30 }, (_, i) => `Pihlajakoti ${String(i + 1).padStart(2, '0')}`);

  before(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, salesManager));
    const at = h.clock.now().toISOString();
    const home = (name: string): CareHome => ({
      id: randomUUID(),
      version: 1,
      createdAt: at,
      createdBy: 'test',
      updatedAt: at,
      name,
      region: 'sisa-suomi',
      city: 'Kuopio',
      serviceTypes: ['ymparivuorokautinen'],
      customerGroups: ['ikaantyneet'],
    });
    await h.app.store.records.commit({ at, writes: pihlajat.map((n) => ({ kind: 'careHome', record: home(n), expectedVersion: null })), outbox: [] });
  });
  after(async () => {
    await h.stop();
  });

  async function search(user: TeamsUser, queryText: string, options: { skip?: number; top?: number } = {}) {
    const response = await h.post(searchInvoke(h.connector.url, user, queryText, { dataset: 'careHomes', ...options }));
    assert.equal(response.status, 200);
    const body = (await response.json()) as { type: string; value: { results: { title: string; value: string }[] } };
    assert.equal(body.type, 'application/vnd.microsoft.search.searchResponse');
    return body.value.results;
  }
  const titles = async (...args: Parameters<typeof search>) => (await search(...args)).map((r) => r.title);

  it('a home director finds only her own home, whatever she types', async () => {
    assert.deepEqual(await titles(homeDirector, ''), ['Koivukoti (Espoo)']);
    assert.deepEqual(await titles(homeDirector, 'koi'), ['Koivukoti (Espoo)']);
    assert.deepEqual(await titles(homeDirector, 'meri'), [], 'Merikoti is not hers to record for');
  });

  it("a regional director finds the region's homes, by name or by town", async () => {
    assert.deepEqual(await titles(regionalDirector, ''), ['Koivukoti (Espoo)', 'Lehmuskoti (Vantaa)', 'Merikoti (Helsinki)']);
    assert.deepEqual(await titles(regionalDirector, 'vantaa'), ['Lehmuskoti (Vantaa)']);
    assert.deepEqual(await titles(regionalDirector, 'aura'), [], 'Aurakoti is in another region');
  });

  it('a business director finds any home: the name starting with the text first, then the town, in Finnish order, bounded', async () => {
    const found = await search(businessDirector, 'kotir');
    assert.deepEqual(found.map((r) => r.title), ['Kotiranta (Salo)']);
    assert.match(found[0]!.value, /^[0-9a-f-]{36}$/, 'the value submitted is the home id');
    assert.deepEqual(await titles(businessDirector, 'tur'), ['Aurakoti (Turku)'], 'the town matches too');
    assert.deepEqual(await titles(businessDirector, 'JYVÄ'), ['Kuusikoti (Jyväskylä)'], 'case folded in Finnish, not only ASCII');
    assert.deepEqual((await titles(businessDirector, 'koti', { top: 3 })), ['Kotiranta (Salo)', 'Aurakoti (Turku)', 'Harjukoti (Hämeenlinna)']);
    assert.deepEqual(await titles(businessDirector, 'pihlaja', { top: 25 }), pihlajat.slice(0, 25).map((n) => `${n} (Kuopio)`));
    assert.deepEqual(await titles(businessDirector, 'pihlaja', { skip: 25, top: 25 }), pihlajat.slice(25).map((n) => `${n} (Kuopio)`));
    assert.equal((await search(businessDirector, '', { top: 1000 })).length, 25, 'a larger top is bounded');
  });

  it('someone outside the people list finds none, with a 200', async () => {
    assert.deepEqual(await search(englishUser, ''), []);
    assert.deepEqual(await search(englishUser, 'koivu'), []);
    assert.deepEqual(h.loggedErrors, []);
  });

  it("the form's home choice: a first page and the search; a home found by search stays chosen when the form comes back", async () => {
    const { form } = await openForm(h, businessDirector, 'reklamaatio');
    const homeChoice = inputsOf(form.card).get('careHomeId')!;
    assert.equal(homeChoice.style, 'filtered');
    assert.deepEqual(homeChoice['choices.data'], { type: 'Data.Query', dataset: 'careHomes' });
    const offered = homeChoice.choices as { title: string; value: string }[];
    assert.equal(offered.length, 25, 'a first page of the 39 homes');
    assert.ok(!offered.some((c) => c.title.startsWith('Vehkakoti')), 'Vehkakoti is found by typing, not listed');

    const [vehkakoti] = await search(businessDirector, 'vehka');
    const customerId = choice(form.card, 'customerId', /.+/);
    const [again] = await submitForm(h, form, { customerId, careHomeId: vehkakoti!.value, receivedDate: '2026-11-23', channel: 'puhelin', matter: '', severity: 'vahainen' });
    const returned = inputsOf(cardOf(again)).get('careHomeId')!;
    assert.equal(returned.value, vehkakoti!.value, 'the chosen home stays selected');
    assert.deepEqual((returned.choices as { title: string; value: string }[])[0], vehkakoti);

    const own = inputsOf((await openForm(h, homeDirector, 'reklamaatio')).form.card).get('careHomeId')!;
    assert.deepEqual((own.choices as { title: string }[]).map((c) => c.title), ['Koivukoti (Espoo)'], "a home director's form offers her home");
    assert.equal(own['choices.data'], undefined, 'one home is a plain list: nothing to search');
  });
});

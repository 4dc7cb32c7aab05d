import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Customer } from '../../src/domain/records/customer.js';
import { purchaserKindFromName } from '../../src/domain/records/legacy-values.js';
import { BotHarness } from '../support/bot-harness.js';
import { cardOf, inputsOf, visibleText, type Json } from '../support/cards.js';
import { messageUnder, openForm, submitForm } from '../support/record-form-session.js';
import { englishUser, installedInTeam, salesManager, searchInvoke } from '../support/teams-activities.js';

/**
 * Teams' typeahead in every customer choice: the card lists a first page and a Data.Query 'customers';
 * as someone types, Teams sends an `application/search` invoke and shows what the bot answers (msteams-docs,
 * task-modules-and-cards/cards/dynamic-search.md). Here the invoke is posted as Teams sends it.
 */
describe('customer search for typeahead choices (protocol)', () => {
  let h: BotHarness;
  const kunnat = Array.from({ length: 40 }, (_, i) => `Kunta ${String(i + 1).padStart(2, '0')}`);
  const others = ['Kauhavan kaupunki', 'Kauniaisten kaupunki', 'Alavuden kunta', 'Vöyrin kunta', 'Wasan kunta', 'Ähtärin kunta', 'Öjan kunta'];
  const ids = new Map<string, string>();

  before(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, salesManager));
    const at = h.clock.now().toISOString();
    const customer = (name: string): Customer => {
      const id = randomUUID();
      ids.set(name, id);
      return { id, version: 1, createdAt: at, createdBy: 'test', updatedAt: at, name, kind: purchaserKindFromName(name), region: 'sisa-suomi', segment: 'ostopalvelu', lifecyclePhase: 'kasvu' };
    };
    await h.app.store.records.commit({ at, writes: [...kunnat, ...others].map((n) => ({ kind: 'customer', record: customer(n), expectedVersion: null })), outbox: [] });
  });
  after(async () => {
    await h.stop();
  });

  async function search(queryText: string, options: { dataset?: string; skip?: number; top?: number } = {}, user = salesManager) {
    const response = await h.post(searchInvoke(h.connector.url, user, queryText, options));
    assert.equal(response.status, 200);
    const body = (await response.json()) as { type: string; value: { results: { title: string; value: string }[] } };
    assert.equal(body.type, 'application/vnd.microsoft.search.searchResponse');
    return body.value.results;
  }
  const titles = async (...args: Parameters<typeof search>) => (await search(...args)).map((r) => r.title);

  it('answers with the matching customers, names starting with the text first, then a word starting with it, in Finnish order', async () => {
    const results = await search('KAU');
    assert.deepEqual(
      results.map((r) => r.title),
      ['Kauhavan kaupunki', 'Kauniaisten kaupunki', 'Helsingin kaupunki'],
    );
    assert.equal(results[0]!.value, ids.get('Kauhavan kaupunki'), 'the value submitted is the customer id');
    assert.deepEqual(await titles('ähtä'), ['Ähtärin kunta'], 'case folded in Finnish, not only ASCII');
  });

  it('pages with skip and top, at most 25, å ä ö after z and w after v', async () => {
    assert.deepEqual(await titles('kunta', { top: 25 }), kunnat.slice(0, 25));
    assert.deepEqual(await titles('kunta', { skip: 25, top: 25 }), [...kunnat.slice(25), 'Alavuden kunta', 'Vöyrin kunta', 'Wasan kunta', 'Ähtärin kunta', 'Öjan kunta']);
    assert.equal((await search('kunta', { top: 1000 })).length, 25, 'a larger top is bounded');
    assert.equal((await search('', { top: 15 })).length, 15, 'an empty text (a dropdown just opened) is the first page');
  });

  it('answers someone outside the people list, an unknown dataset and a malformed value with no results, never an error', async () => {
    assert.deepEqual(await search('kau', {}, englishUser), []);
    assert.deepEqual(await search('kau', { dataset: 'places' }), []);
    const malformed = { ...searchInvoke(h.connector.url, salesManager, 'kau'), value: { dataset: 'customers', queryText: 42, queryOptions: { top: 'all', skip: -5 } } };
    const response = await h.post(malformed);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { value: { results: unknown[] } }).value.results.length, 25, 'a text that is no text is read as none, a top that is no number as 25');
    assert.equal((await h.postRaw({ ...searchInvoke(h.connector.url, salesManager, 'kau'), value: undefined })).status, 200);
    assert.deepEqual(h.loggedErrors, []);
  });

  it("the form's customer choice: a first page and the search; a customer found by search stays chosen, an unknown one is a field error", async () => {
    const { form } = await openForm(h, salesManager, 'kirjaa');
    const choice = inputsOf(form.card).get('customerId')!;
    assert.equal(choice.style, 'filtered');
    assert.deepEqual(choice['choices.data'], { type: 'Data.Query', dataset: 'customers' });
    const offered = (choice.choices as { value: string }[]).map((c) => c.value);
    assert.equal(offered.length, 25);
    const oja = ids.get('Öjan kunta')!;
    assert.ok(!offered.includes(oja), 'Öjan kunta is found by typing, not listed');

    const values: Json = { customerId: oja, date: '2026-11-23', type: 'puhelu', matter: '' };
    const [again] = await submitForm(h, form, values);
    const returned = inputsOf(cardOf(again)).get('customerId')!;
    assert.equal(returned.value, oja, 'the chosen customer stays selected');
    assert.deepEqual((returned.choices as { title: string; value: string }[])[0], { title: 'Öjan kunta', value: oja });

    const [unknown] = await submitForm(h, form, { ...values, customerId: randomUUID(), matter: 'Soitto' });
    const unknownCard = cardOf(unknown)!;
    assert.equal(messageUnder(unknownCard, 'customerId'), 'Valitse asiakas listalta.');
    assert.equal(inputsOf(unknownCard).get('customerId')!.value, undefined);

    const [saved] = await submitForm(h, form, { ...values, matter: 'Soitto' });
    assert.match(visibleText(saved!), /Öjan kunta/);
  });
});

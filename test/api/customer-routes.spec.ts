import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { logContact } from '../../src/app/log-contact.js';
import { recordNote } from '../../src/app/record-note.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { localApi, type LocalApiCall } from '../support/local-api.js';
import { BotHarness } from '../support/bot-harness.js';
import { businessDirector, homeDirector, installedInTeam, qualityManager, regionalDirector, salesManager } from '../support/teams-activities.js';

/**
 * The customer page's API (issue 13): every change through a use case of src/app, with the answers' shapes,
 * a 400 naming each bad field in the caller's language, 403 by role and by region, 409 on a stale version and
 * 404 for what is not there.
 */
describe('customer page API /api/v1/customers/*, /entries/*', () => {
  let h: BotHarness;
  before(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
  });
  after(async () => {
    await h.stop();
  });

  const lansi = stableIdFor('customer:Länsi-Uudenmaan hyvinvointialue');
  const varha = stableIdFor('customer:Varsinais-Suomen hyvinvointialue');
  const helsinki = stableIdFor('customer:Helsingin kaupunki');
  const sales = salesManager.aadObjectId;
  const jukka = regionalDirector.aadObjectId;
  const call = (path: string, as: string | undefined, init: LocalApiCall = {}) => localApi(h)(path, as, init);
  const fieldsOf = (body: any) => Object.fromEntries((body.error.fields ?? []).map((f: any) => [f.field, f.message]));
  const overview = async (id: string, as = sales) => (await call(`/customers/${id}`, as)).body;

  it('PATCH /customers/{id}: segment and lifecycle phase over the version shown; 400, 403 by role and region, 409, 404', async () => {
    const before = (await overview(lansi)).customer;
    const changed = await call(`/customers/${lansi}`, sales, { method: 'PATCH', body: { expectedVersion: before.version, lifecyclePhase: 'kasvu' } });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.deepEqual([changed.body.customer.lifecyclePhase, changed.body.customer.version, changed.body.customer.segment], ['kasvu', before.version + 1, before.segment]);
    assert.equal((await overview(lansi)).customer.lifecyclePhase, 'kasvu');

    const stale = await call(`/customers/${lansi}`, jukka, { method: 'PATCH', body: { expectedVersion: before.version, segment: 'palveluseteli' } });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'conflict');

    const bad = await call(`/customers/${lansi}`, sales, { method: 'PATCH', body: { expectedVersion: before.version + 1, segment: 'arpajaiset' }, lang: 'en' });
    assert.equal(bad.status, 400);
    assert.deepEqual(fieldsOf(bad.body), { segment: 'Choose one of the options.' });

    const director = await call(`/customers/${lansi}`, homeDirector.aadObjectId, { method: 'PATCH', body: { expectedVersion: before.version + 1, segment: 'palveluseteli' } });
    assert.equal(director.status, 403);
    assert.equal(director.body.error.message, 'Tämän voi tehdä vain: aluejohtaja, liiketoimintajohtaja, myynti. Mitään ei tallennettu.');
    const outOfRegion = await call(`/customers/${varha}`, jukka, { method: 'PATCH', body: { expectedVersion: 1, segment: 'palveluseteli' } });
    assert.equal(outOfRegion.status, 403);
    assert.match(outOfRegion.body.error.message, /Lounais-Suomi/);
    assert.equal((await call(`/customers/${randomUUID()}`, sales, { method: 'PATCH', body: { expectedVersion: 1, segment: 'palveluseteli' } })).status, 404);
    assert.equal((await overview(varha)).customer.segment, 'ostopalvelu', 'nothing changed');
  });

  it('POST/PATCH /customers/{id}/contacts: added and changed; a bad e-mail named; personal notes only by those who may read them', async () => {
    const added = await call(`/customers/${lansi}/contacts`, sales, { method: 'POST', body: { requestId: randomUUID(), name: 'Olli Ohjaaja', role: 'sosiaalityontekija', title: 'Palveluohjaaja', phone: '040 123 4567', email: 'olli.ohjaaja@lansiuusimaa.example' } });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.deepEqual({ name: added.body.contact.name, role: added.body.contact.role, version: added.body.contact.version }, { name: 'Olli Ohjaaja', role: 'sosiaalityontekija', version: 1 });
    assert.ok((await overview(lansi)).contacts.some((c: any) => c.name === 'Olli Ohjaaja' && c.phone === '040 123 4567'));

    const badEmail = await call(`/customers/${lansi}/contacts`, sales, { method: 'POST', body: { requestId: randomUUID(), name: 'Ei Osoitetta', role: 'muu', email: 'ei-osoite' } });
    assert.equal(badEmail.status, 400);
    assert.deepEqual(fieldsOf(badEmail.body), { email: 'Arvo ei kelpaa.' });
    const noName = await call(`/customers/${lansi}/contacts`, sales, { method: 'POST', body: { requestId: randomUUID(), name: ' ', role: 'pomo' }, lang: 'en' });
    assert.deepEqual(fieldsOf(noName.body), { name: 'This field is required.', role: 'Choose one of the options.' });

    const id = added.body.contact.id;
    // The regional director writes a note about the official; sales changing the phone keeps it.
    const noted = await call(`/customers/${lansi}/contacts/${id}`, jukka, { method: 'PATCH', body: { expectedVersion: 1, personalNotes: 'Harrastaa suunnistusta.' } });
    assert.equal(noted.status, 200, JSON.stringify(noted.body));
    assert.equal(noted.body.contact.personalNotes, 'Harrastaa suunnistusta.');
    const phoned = await call(`/customers/${lansi}/contacts/${id}`, sales, { method: 'PATCH', body: { expectedVersion: 2, phone: '050 765 4321', title: '' } });
    assert.equal(phoned.status, 200, JSON.stringify(phoned.body));
    assert.deepEqual([phoned.body.contact.phone, phoned.body.contact.title, phoned.body.contact.personalNotes, phoned.body.contact.version], ['050 765 4321', undefined, undefined, 3], 'sales does not see the notes; the emptied title is cleared');
    const asJukka = (await overview(lansi, jukka)).contacts.find((c: any) => c.id === id);
    assert.deepEqual([asJukka.phone, asJukka.personalNotes], ['050 765 4321', 'Harrastaa suunnistusta.']);

    const salesNotes = await call(`/customers/${lansi}/contacts/${id}`, sales, { method: 'PATCH', body: { expectedVersion: 3, personalNotes: 'Kirjoitan silti' } });
    assert.equal(salesNotes.status, 403);
    const stale = await call(`/customers/${lansi}/contacts/${id}`, sales, { method: 'PATCH', body: { expectedVersion: 1, phone: '1' } });
    assert.equal(stale.status, 409);
    const director = await call(`/customers/${lansi}/contacts`, homeDirector.aadObjectId, { method: 'POST', body: { requestId: randomUUID(), name: 'X', role: 'muu' } });
    assert.equal(director.status, 403);
    assert.equal((await call(`/customers/${lansi}/contacts/${randomUUID()}`, sales, { method: 'PATCH', body: { expectedVersion: 1, phone: '1' } })).status, 404);
    assert.equal((await call(`/customers/${helsinki}/contacts/${id}`, sales, { method: 'PATCH', body: { expectedVersion: 3, phone: '1' } })).status, 404, 'another customer\'s contact');
  });

  it('POST/PATCH /customers/{id}/agreements: recorded and changed with the bot form\'s parsing; a mistyped price named', async () => {
    const body = { kind: 'ostopalvelu', title: 'Ympärivuorokautinen palveluasuminen 2026–2028', serviceTypes: ['ymparivuorokautinen'], pricePerDay: '182,50', startDate: '2026-01-01', endDate: '2028-12-31', optionYears: '2029, 2030', paymentCommitment: true };
    const recorded = await call(`/customers/${lansi}/agreements`, sales, { method: 'POST', body: { requestId: randomUUID(), ...body } });
    assert.equal(recorded.status, 201, JSON.stringify(recorded.body));
    assert.deepEqual([recorded.body.agreement.pricePerDay, recorded.body.agreement.optionYears, recorded.body.agreement.version], [182.5, [2029, 2030], 1]);

    const badPrice = await call(`/customers/${lansi}/agreements`, sales, { method: 'POST', body: { requestId: randomUUID(), ...body, pricePerDay: 'kallis', optionYears: 'ensi vuonna' } });
    assert.equal(badPrice.status, 400);
    assert.deepEqual(fieldsOf(badPrice.body), { pricePerDay: 'Anna hinta euroina, esim. 182,50.', optionYears: 'Anna vuodet nelinumeroisina pilkuin erotettuina, esim. 2028, 2029.' });
    const endFirst = await call(`/customers/${lansi}/agreements`, sales, { method: 'POST', body: { requestId: randomUUID(), ...body, endDate: '2025-01-01' } });
    assert.deepEqual(Object.keys(fieldsOf(endFirst.body)), ['endDate']);

    const id = recorded.body.agreement.id;
    const edited = await call(`/customers/${lansi}/agreements/${id}`, jukka, { method: 'PATCH', body: { expectedVersion: 1, ...body, pricePerDay: '189', serviceDescription: 'Hoiva ja ateriat' } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.deepEqual([edited.body.agreement.pricePerDay, edited.body.agreement.serviceDescription, edited.body.agreement.version], [189, 'Hoiva ja ateriat', 2]);
    assert.equal((await overview(lansi)).agreements.find((a: any) => a.id === id).pricePerDay, 189);

    assert.equal((await call(`/customers/${lansi}/agreements/${id}`, sales, { method: 'PATCH', body: { expectedVersion: 1, ...body } })).status, 409);
    assert.equal((await call(`/customers/${lansi}/agreements/${id}`, homeDirector.aadObjectId, { method: 'PATCH', body: { expectedVersion: 2, ...body } })).status, 403);
    assert.equal((await call(`/customers/${varha}/agreements`, jukka, { method: 'POST', body: { requestId: randomUUID(), ...body } })).status, 403, 'another region');
    assert.equal((await call(`/customers/${lansi}/agreements/${randomUUID()}`, sales, { method: 'PATCH', body: { expectedVersion: 1, ...body } })).status, 404);
  });

  it('GET/PUT /customers/{id}/plan/{year}: the annual clock; edited by the regional and business directors only', async () => {
    const shown = await call(`/customers/${helsinki}/plan/2026`, sales);
    assert.equal(shown.status, 200);
    assert.deepEqual(shown.body.encounters.map((e: any) => e.date), ['2026-03-12', '2026-05-01', '2026-10-08', '2026-12-16']);
    assert.deepEqual([shown.body.status, shown.body.mayEdit], [{ done: 2, total: 4 }, false]);
    assert.equal((await call(`/customers/${helsinki}/plan/2026`, jukka)).body.mayEdit, true);
    const version = shown.body.plan.version;
    const texts = { requestId: randomUUID(), expectedVersion: version, goal: 'Optiovuosi käyttöön 2027.', targets: 'Käyttöaste 95 %' };

    const refused = await call(`/customers/${helsinki}/plan/2026`, sales, { method: 'PUT', body: texts });
    assert.equal(refused.status, 403, 'sales does not edit the plan');
    const saved = await call(`/customers/${helsinki}/plan/2026`, jukka, { method: 'PUT', body: texts });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual([saved.body.plan.goal, saved.body.plan.version], ['Optiovuosi käyttöön 2027.', version + 1]);
    assert.equal((await call(`/customers/${helsinki}/plan/2026`, jukka, { method: 'PUT', body: { ...texts, requestId: randomUUID() } })).status, 409, 'stale');
    const noGoal = await call(`/customers/${helsinki}/plan/2026`, jukka, { method: 'PUT', body: { ...texts, requestId: randomUUID(), expectedVersion: version + 1, goal: '' } });
    assert.equal(noGoal.status, 400);
    assert.deepEqual(Object.keys(fieldsOf(noGoal.body)), ['goal']);

    const encounterId = randomUUID();
    const aino = shown.body.owners.find((p: any) => p.name === businessDirector.name);
    const added = await call(`/customers/${helsinki}/plan/2026/encounters/${encounterId}`, businessDirector.aadObjectId, { method: 'PUT', body: { requestId: randomUUID(), expectedVersion: version + 1, month: 11, day: 30, kind: 'kehityskokous', ownerId: aino.id } });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.ok(added.body.encounters.some((e: any) => e.encounter.id === encounterId && e.date === '2026-11-30' && e.ownerName === businessDirector.name));
    const badMonth = await call(`/customers/${helsinki}/plan/2026/encounters/${randomUUID()}`, jukka, { method: 'PUT', body: { requestId: randomUUID(), expectedVersion: version + 2, month: 13, kind: 'kehityskokous', ownerId: aino.id } });
    assert.equal(badMonth.status, 400);
    assert.deepEqual(Object.keys(fieldsOf(badMonth.body)), ['month']);
    const removed = await call(`/customers/${helsinki}/plan/2026/encounters/${encounterId}`, jukka, { method: 'DELETE', body: { requestId: randomUUID(), expectedVersion: version + 2 } });
    assert.equal(removed.status, 200, JSON.stringify(removed.body));
    assert.equal(removed.body.encounters.length, 4);
    assert.equal((await call(`/customers/${randomUUID()}/plan/2026`, jukka)).status, 404);
    assert.equal((await call(`/customers/${helsinki}/plan/1999`, jukka)).status, 400);
  });

  it('the timeline says whose entries are whose; PATCH /entries and POST …/withdraw through the `omat` use cases', async () => {
    const mikko = { id: sales, name: salesManager.name };
    const logged = await logContact(h.app.app, mikko, { requestId: randomUUID(), customerId: varha, date: '2026-11-23', type: 'puhelu', matter: 'Soitto optiovuodesta', nextContactDate: '2026-12-02', nextContactTopic: 'Optiovuoden päätös' });
    assert.ok(logged.ok);
    const id = logged.value.entry.id;
    const entryOf = async (as: string) => (await call(`/customers/${varha}/timeline`, as)).body;
    const his = await entryOf(sales);
    const mine = his.entries.find((e: any) => e.id === id);
    assert.deepEqual({ mine: mine.mine, edit: mine.mayEdit, withdraw: mine.mayWithdraw, version: mine.version, by: mine.recordedBy.name }, { mine: true, edit: true, withdraw: true, version: 1, by: salesManager.name });
    assert.deepEqual(his.nextContact, { date: '2026-12-02', topic: 'Optiovuoden päätös', by: mikko });
    assert.equal(his.withdrawWindowHours, 48);
    const theirs = (await entryOf(qualityManager.aadObjectId)).entries.find((e: any) => e.id === id);
    assert.deepEqual([theirs.mine, theirs.mayEdit, theirs.mayWithdraw], [false, false, false]);
    const aino = (await entryOf(businessDirector.aadObjectId)).entries.find((e: any) => e.id === id);
    assert.deepEqual([aino.mine, aino.mayEdit, aino.mayWithdraw], [false, true, true], 'the business director corrects others\' entries');

    // The edit form is prefilled with the stored entry (the bot's Muokkaa), only for someone who may change it.
    const prefill = await call(`/entries/contactLogEntry/${id}`, sales);
    assert.equal(prefill.status, 200);
    assert.deepEqual([prefill.body.kind, prefill.body.record.matter, prefill.body.record.nextContactTopic, prefill.body.record.version], ['contactLogEntry', 'Soitto optiovuodesta', 'Optiovuoden päätös', 1]);
    assert.equal((await call(`/entries/contactLogEntry/${id}`, qualityManager.aadObjectId)).status, 403);
    assert.equal((await call(`/entries/contactLogEntry/${randomUUID()}`, sales)).status, 404);
    assert.equal((await call(`/entries/complaint/${id}`, sales)).status, 400);

    const edited = await call(`/entries/contactLogEntry/${id}`, sales, { method: 'PATCH', body: { expectedVersion: 1, requestId: randomUUID(), matter: 'Soitto optiovuodesta: myönteinen' } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.deepEqual(edited.body, { kind: 'contactLogEntry', recordId: id, version: 2 });
    const after = (await entryOf(sales)).entries.find((e: any) => e.id === id);
    assert.deepEqual([after.summary, after.version], ['Soitto optiovuodesta: myönteinen', 2]);

    const stale = await call(`/entries/contactLogEntry/${id}`, businessDirector.aadObjectId, { method: 'PATCH', body: { expectedVersion: 1, requestId: randomUUID(), matter: 'Vanha' } });
    assert.equal(stale.status, 409);
    assert.match(stale.body.error.message, /Mikko Myyntipäällikkö muutti tätä ensin/);
    const badDate = await call(`/entries/contactLogEntry/${id}`, sales, { method: 'PATCH', body: { expectedVersion: 2, requestId: randomUUID(), date: '23.11.2026', nextContactTopic: '' } });
    assert.equal(badDate.status, 400);
    assert.deepEqual(fieldsOf(badDate.body), { date: 'Anna päivämäärä muodossa vvvv-kk-pp.', nextContactTopic: 'Kerro seuraavan yhteydenoton aihe.' });
    const notHers = await call(`/entries/contactLogEntry/${id}`, qualityManager.aadObjectId, { method: 'PATCH', body: { expectedVersion: 2, requestId: randomUUID(), matter: 'Minun' } });
    assert.equal(notHers.status, 403);
    assert.equal((await call(`/entries/supervisionVisit/${id}`, sales, { method: 'PATCH', body: { expectedVersion: 2, requestId: randomUUID() } })).status, 400, 'a visit is corrected on its own form');
    assert.equal((await call(`/entries/contactLogEntry/${randomUUID()}`, sales, { method: 'PATCH', body: { expectedVersion: 1, requestId: randomUUID(), matter: 'x' } })).status, 404);

    assert.equal((await call(`/entries/contactLogEntry/${id}/withdraw`, qualityManager.aadObjectId, { method: 'POST', body: { expectedVersion: 2, requestId: randomUUID() } })).status, 403);
    assert.equal((await call(`/entries/contactLogEntry/${id}/withdraw`, sales, { method: 'POST', body: { expectedVersion: 1, requestId: randomUUID() } })).status, 409);
    const withdrawn = await call(`/entries/contactLogEntry/${id}/withdraw`, sales, { method: 'POST', body: { expectedVersion: 2, requestId: randomUUID() } });
    assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
    assert.deepEqual({ ...withdrawn.body, withdrawnAt: typeof withdrawn.body.withdrawnAt }, { kind: 'contactLogEntry', recordId: id, withdrawnAt: 'string', date: '2026-11-23', duplicate: false });
    const gone = await entryOf(sales);
    assert.equal(gone.entries.some((e: any) => e.id === id), false, 'gone from the timeline');
    assert.equal(gone.nextContact, undefined, 'and its next contact with it');
    assert.equal((await call(`/entries/contactLogEntry/${id}`, sales)).status, 404, 'a withdrawn entry is not edited');
    assert.equal((await call(`/entries/note/${randomUUID()}/withdraw`, sales, { method: 'POST', body: { expectedVersion: 1, requestId: randomUUID() } })).status, 404);
    assert.deepEqual(h.loggedErrors, []);
  });

  it('PATCH /entries/note/{id}: a note corrected by its author keeps its direction and customer', async () => {
    const jukkaRef = { id: jukka, name: regionalDirector.name };
    const noted = await recordNote(h.app.app, jukkaRef, { requestId: randomUUID(), customerId: lansi, matter: 'Valvoja kysyi hoitajamitoituksesta', specialMention: false });
    assert.ok(noted.ok);
    const id = noted.value.note.id;
    const edited = await call(`/entries/note/${id}`, jukka, { method: 'PATCH', body: { expectedVersion: 1, requestId: randomUUID(), matter: 'Valvoja kysyi hoitajamitoituksesta ja lääkehoidosta', specialMention: true } });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    const stored = await h.app.store.records.get('note', id);
    assert.deepEqual([stored!.matter, stored!.specialMention, stored!.direction, stored!.customerId, stored!.version], ['Valvoja kysyi hoitajamitoituksesta ja lääkehoidosta', true, noted.value.note.direction, lansi, 2]);
    const empty = await call(`/entries/note/${id}`, jukka, { method: 'PATCH', body: { expectedVersion: 2, requestId: randomUUID(), matter: ' ' } });
    assert.equal(empty.status, 400);
    assert.deepEqual(fieldsOf(empty.body), { matter: 'Pakollinen tieto puuttuu.' });
    assert.deepEqual(h.loggedErrors, []);
  });
});

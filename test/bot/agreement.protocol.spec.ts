import assert from 'node:assert/strict';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { cardAnswering, pressPrivately } from '../support/private-press.js';
import { BotHarness } from '../support/bot-harness.js';
import { executeAction, executeActionsOf, inputsOf, textsOf, type Json } from '../support/cards.js';
import {
  businessDirector,
  englishUser,
  homeDirector,
  installedInTeam,
  regionalDirector,
  salesManager,
  type TeamsUser,
} from '../support/teams-activities.js';

/**
 * Issue 11: recording a customer's agreement from the customer card. *Kirjaa sopimus* (Action.Execute
 * 'agreement.open') answers with the form in place of the card; saving it (Action.Execute 'agreement.submit')
 * answers with the customer card again, the agreement on it. Nothing is posted in the chat or the channels.
 */
describe('recording an agreement from the customer card (protocol)', () => {
  let h: BotHarness;
  const espooId = stableIdFor('customer:Länsi-Uudenmaan hyvinvointialue');
  const tampereId = stableIdFor('customer:Pirkanmaan hyvinvointialue');

  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
  });
  afterEach(async () => {
    await h.stop();
  });

  const customerCardOf = (user: TeamsUser, name: string) => cardAnswering(h, user, `asiakas ${name}`);
  const press = (user: TeamsUser, activityId: string, action: { verb: string; data: Json }, inputs: Json = {}) => pressPrivately(h, user, activityId, action, inputs);
  async function openForm(user: TeamsUser, name = 'länsi-uusimaa'): Promise<{ form: Json; activityId: string }> {
    const { card, activityId } = await customerCardOf(user, name);
    const { card: form } = await press(user, activityId, executeAction(card, 'agreement.open'));
    return { form, activityId };
  }
  const valid = {
    title: 'Ympärivuorokautisen palveluasumisen puitesopimus',
    kind: 'ostopalvelu',
    serviceTypes: 'ymparivuorokautinen,lyhytaikainen',
    serviceDescription: 'Ympärivuorokautinen hoiva ja lyhytaikaiset jaksot.',
    pricePerDay: '182,50',
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    optionYears: '2029, 2028',
    paymentCommitment: 'true',
  };
  const agreementsOf = async (customerId: string) => (await h.app.store.records.list('agreement')).filter((a) => a.customerId === customerId);

  it('opens the form for the card\'s customer: every field, the kind from the segment, a valid card in place of the customer card', async () => {
    const { form } = await openForm(businessDirector);
    assert.deepEqual(textsOf(form).slice(0, 2), ['Sopimus', 'Länsi-Uudenmaan hyvinvointialue']);
    const inputs = inputsOf(form);
    assert.deepEqual([...inputs.keys()], ['title', 'kind', 'serviceTypes', 'serviceDescription', 'pricePerDay', 'startDate', 'endDate', 'optionYears', 'paymentCommitment']);
    assert.equal(inputs.get('kind')?.value, 'ostopalvelu');
    assert.equal(inputs.get('serviceTypes')?.isMultiSelect, true);
    const submit = executeAction(form, 'agreement.submit', 'Tallenna');
    assert.equal(submit.data.customerId, espooId);
    assert.match(String(submit.data.requestId), /^[0-9a-f-]{36}$/);
    assert.equal((await agreementsOf(espooId)).length, 0, 'opening the form stores nothing');
  });

  it('stores the agreement and answers with the customer card showing it; a second press stores nothing more', async () => {
    const { form, activityId } = await openForm(salesManager);
    const submit = executeAction(form, 'agreement.submit');
    const { card } = await press(salesManager, activityId, submit, valid);
    const text = textsOf(card).join('\n');
    assert.equal(textsOf(card)[0], `✓ Tallennettu: sopimus "${valid.title}".`);
    assert.equal(textsOf(card)[1], 'Länsi-Uudenmaan hyvinvointialue');
    assert.match(text, /Ympärivuorokautisen palveluasumisen puitesopimus\nOstopalvelu · Ympärivuorokautinen palveluasuminen, Lyhytaikainen \(tilapäinen\) asuminen · 1\.1\.2026–31\.12\.2027 · 182,50 €\/vrk · optiovuodet 2028, 2029 · maksusitoumus/);
    const [stored, ...more] = await agreementsOf(espooId);
    assert.equal(more.length, 0);
    assert.equal(stored!.id, submit.data.requestId, 'the request id is the agreement id');
    assert.deepEqual(
      { kind: stored!.kind, serviceTypes: stored!.serviceTypes, pricePerDay: stored!.pricePerDay, startDate: stored!.startDate, endDate: stored!.endDate, optionYears: stored!.optionYears, paymentCommitment: stored!.paymentCommitment, description: stored!.serviceDescription },
      { kind: 'ostopalvelu', serviceTypes: ['ymparivuorokautinen', 'lyhytaikainen'], pricePerDay: 182.5, startDate: '2026-01-01', endDate: '2027-12-31', optionYears: [2028, 2029], paymentCommitment: true, description: valid.serviceDescription },
    );
    assert.deepEqual(await h.app.store.outbox.list(), [], 'nobody is told: DOMAIN.md routes no notice for an agreement');

    const again = await press(salesManager, activityId, submit, valid);
    assert.equal(textsOf(again.card)[0], `✓ Sopimus "${valid.title}" on jo tallennettu.`);
    assert.equal((await agreementsOf(espooId)).length, 1);
  });

  it('answers invalid input with the form again: what was typed, and a message under each refused field', async () => {
    const { form, activityId } = await openForm(businessDirector);
    const typed = { ...valid, pricePerDay: 'kaksisataa', optionYears: '28', startDate: '2026-06-01', endDate: '2026-01-01', serviceTypes: '' };
    const { card } = await press(businessDirector, activityId, executeAction(form, 'agreement.submit'), typed);
    const texts = textsOf(card);
    assert.equal(texts[0], 'Sopimus');
    assert.ok(texts.includes('⚠ Tarkista merkityt kentät.'), 'the form says something needs fixing');
    const inputs = inputsOf(card);
    assert.equal(inputs.get('title')?.value, valid.title, 'the typed text is kept');
    assert.equal(inputs.get('pricePerDay')?.value, 'kaksisataa');
    assert.equal(inputs.get('startDate')?.value, '2026-06-01');
    const joined = texts.join('\n');
    assert.match(joined, /Anna hinta euroina, esim\. 182,50\./);
    assert.match(joined, /Anna vuodet nelinumeroisina pilkuin erotettuina, esim\. 2028, 2029\./);
    assert.match(joined, /Pakollinen tieto puuttuu\./, 'no service type chosen');
    assert.equal(executeAction(card, 'agreement.submit').data.requestId, executeAction(form, 'agreement.submit').data.requestId, 'the same request: fixed and saved, it stores one agreement');
    assert.equal((await agreementsOf(espooId)).length, 0);
  });

  it('puts the message right under the refused input', async () => {
    const { form, activityId } = await openForm(businessDirector);
    const { card } = await press(businessDirector, activityId, executeAction(form, 'agreement.submit'), { ...valid, pricePerDay: '12,3,4' });
    const body = card.body as Json[];
    const at = body.findIndex((e) => e.id === 'pricePerDay');
    assert.ok(at > 0);
    assert.equal(body[at + 1]!.weight, 'bolder', 'the message is bold right under the input (not red: see contrast.spec)');
    assert.match(textsOf({ body: [body[at + 1]] }).join(''), /Anna hinta euroina/);

    // The period is checked once the fields themselves are right.
    const period = await press(businessDirector, activityId, executeAction(form, 'agreement.submit'), { ...valid, startDate: '2026-06-01', endDate: '2026-01-01' });
    const periodBody = period.card.body as Json[];
    const end = periodBody.findIndex((e) => e.id === 'endDate');
    assert.deepEqual(textsOf({ body: [periodBody[end + 1]] }), ['Päättymispäivä on ennen alkamispäivää.']);
    assert.equal((await agreementsOf(espooId)).length, 0);
  });

  it('offers no agreement button to a role that may not record one, and refuses a forged press and a forged submit', async () => {
    const { card, activityId } = await customerCardOf(homeDirector, 'länsi-uusimaa');
    assert.deepEqual(executeActionsOf(card).map((a) => a.verb), ['contactLog.open', 'plan.show'], 'a home director records no agreements');
    const refused = await press(homeDirector, activityId, { verb: 'agreement.open', data: { action: 'agreement.open', requestId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', customerId: espooId } });
    assert.match(textsOf(refused.card).join('\n'), /aluejohtaja|liiketoimintajohtaja|myynti/i);
    const forged = await press(homeDirector, activityId, { verb: 'agreement.submit', data: { action: 'agreement.submit', requestId: '2b4e28ba-2fa1-41d2-883f-0016d3cca427', customerId: espooId } }, valid);
    assert.doesNotMatch(textsOf(forged.card).join('\n'), /Tallennettu/);
    assert.equal((await agreementsOf(espooId)).length, 0);
  });

  it("a regional director records for the region's customers only", async () => {
    const tampere = await customerCardOf(regionalDirector, 'pirkanmaa');
    assert.deepEqual(executeActionsOf(tampere.card).map((a) => a.verb), ['contactLog.open', 'plan.show'], 'Tampere is in another region');
    const refused = await press(regionalDirector, tampere.activityId, { verb: 'agreement.submit', data: { action: 'agreement.submit', requestId: '3b4e28ba-2fa1-41d2-883f-0016d3cca427', customerId: tampereId } }, valid);
    assert.match(textsOf(refused.card).join('\n'), /Sisä-Suomi/);
    assert.equal((await agreementsOf(tampereId)).length, 0);

    const { form, activityId } = await openForm(regionalDirector, 'länsi-uusimaa');
    await press(regionalDirector, activityId, executeAction(form, 'agreement.submit'), valid);
    assert.equal((await agreementsOf(espooId)).length, 1);
  });

  it('speaks English to an English-locale user', async () => {
    await h.addPerson(englishUser, ['myynti']);
    const { form, activityId } = await openForm(englishUser, 'Vantaan ja Keravan');
    assert.deepEqual(textsOf(form).slice(0, 2), ['Agreement', 'Vantaan ja Keravan hyvinvointialue']);
    assert.equal(inputsOf(form).get('kind')?.value, 'palveluseteli', "Vantaa's segment");
    assert.equal(executeAction(form, 'agreement.submit').title, 'Save');
    const { card } = await press(englishUser, activityId, executeAction(form, 'agreement.submit'), { ...valid, kind: 'palveluseteli', pricePerDay: '150.00', optionYears: '' });
    assert.equal(textsOf(card)[0], `✓ Saved: the agreement "${valid.title}".`);
    assert.match(textsOf(card).join('\n'), /Service voucher · 24-hour service housing, Short-term \(temporary\) housing · 1 Jan 2026–31 Dec 2027 · €150\.00\/day · payment commitment/);
  });
});

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, inputsOf, textsOf, visibleText, type Json } from '../support/cards.js';
import {
  cardSubmit,
  englishUser,
  GENERAL,
  homeDirector,
  installedInTeam,
  MYYNTI,
  personalConversationId,
  personalMessage,
  salesManager,
  type TeamsUser,
} from '../support/teams-activities.js';
import { cardsIn, cardsOutside, choice, messageUnder, openForm, outboxSettles, submitForm, savedText } from '../support/record-form-session.js';

/**
 * `tieto` / `note`: the direction follows the recorder's role. A note from sales (myynti) lands in the
 * management channel (General in local mode) only; a note from production (a home director) lands in
 * the sales channel (Myynti) only. Someone outside the people list is refused.
 */
describe('notes between sales and production (protocol)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, salesManager));
  });
  afterEach(async () => {
    await h.stop();
  });

  const open = async (user: TeamsUser) => (await openForm(h, user, user.locale === 'en-US' ? 'note' : 'tieto')).form;

  const valid = (card: Json, overrides: Json = {}): Json => ({
    customerId: choice(card, 'customerId', /^Länsi-Uudenmaan/),
    careHomeId: choice(card, 'careHomeId', /^Koivukoti/),
    matter: 'Espoo kilpailuttaa tehostetun palveluasumisen keväällä.',
    specialMention: 'false',
    ...overrides,
  });

  it('offers customer, optional care home, the matter and the special-mention switch, and says where the note goes', async () => {
    const fromSales = (await open(salesManager)).card;
    assert.deepEqual([...inputsOf(fromSales).keys()], ['customerId', 'careHomeId', 'matter', 'specialMention']);
    assert.equal(inputsOf(fromSales).get('customerId')!.isRequired, true);
    assert.equal(inputsOf(fromSales).get('careHomeId')!.isRequired, undefined);
    assert.equal(textsOf(fromSales)[0], 'Tieto tuotannolle');
    assert.match(textsOf(fromSales).join('\n'), /johdon kanavalle/);
    assert.match(textsOf(fromSales).join('\n'), /Älä kirjaa asukkaiden nimiä/);
    const fromProduction = (await open(homeDirector)).card;
    assert.equal(textsOf(fromProduction)[0], 'Tieto myynnille');
    assert.match(textsOf(fromProduction).join('\n'), /myynnin kanavalle/);
  });

  it('stores a note from sales as going to production and posts it to the management channel only', async () => {
    const form = await open(salesManager);
    const values = valid(form.card);
    const replies = await submitForm(h, form, values);
    assert.equal(savedText(replies[0]!), 'Tallennettu: tieto (Länsi-Uudenmaan hyvinvointialue) lähti tuotannolle johdon kanavalle.');
    const [note, ...more] = await h.app.store.records.list('note');
    assert.equal(more.length, 0);
    assert.equal(note!.direction, 'myynnista-tuotantoon');
    assert.equal(note!.customerId, values.customerId);
    assert.equal(note!.careHomeId, values.careHomeId);
    assert.equal(note!.matter, values.matter);
    assert.equal(note!.recordedBy.name, 'Mikko Myyntipäällikkö');

    const management = await eventually(() => cardsIn(h, GENERAL.id)[0]);
    const text = textsOf(cardOf(management)).join('\n');
    assert.match(text, /Tieto myynniltä tuotannolle/);
    assert.match(text, /Asiakas: Länsi-Uudenmaan hyvinvointialue/);
    assert.match(text, /Palvelutalo: Koivukoti/);
    assert.match(text, /kilpailuttaa tehostetun/);
    await outboxSettles();
    assert.equal(cardsIn(h, GENERAL.id).length, 1);
    assert.deepEqual(cardsIn(h, MYYNTI.id), [], 'sales do not get their own note back');
    assert.deepEqual(cardsOutside(h, [GENERAL.id], salesManager), []);
  });

  it('stores a note from a home director as going to sales and posts it to the sales channel only', async () => {
    const form = await open(homeDirector);
    const replies = await submitForm(h, form, valid(form.card, { careHomeId: undefined }));
    assert.equal(savedText(replies[0]!), 'Tallennettu: tieto (Länsi-Uudenmaan hyvinvointialue) lähti myynnille myynnin kanavalle.');
    const [note] = await h.app.store.records.list('note');
    assert.equal(note!.direction, 'tuotannosta-myyntiin');
    assert.equal(note!.careHomeId, undefined);
    assert.equal(note!.recordedBy.name, 'Kaisa Kotijohtaja');

    const sales = await eventually(() => cardsIn(h, MYYNTI.id)[0]);
    const text = textsOf(cardOf(sales)).join('\n');
    assert.match(text, /Tieto tuotannosta myynnille/);
    assert.doesNotMatch(text, /Palvelutalo:/, 'no home was named');
    assert.doesNotMatch(text, /ERITYISMAININTA/);
    await outboxSettles();
    assert.equal(cardsIn(h, MYYNTI.id).length, 1);
    assert.deepEqual(cardsIn(h, GENERAL.id), []);
    assert.deepEqual(cardsOutside(h, [MYYNTI.id], homeDirector), []);
  });

  it('puts a special mention first in the attention style; in the sales channel it @mentions the sales people', async () => {
    const form = await open(homeDirector);
    await submitForm(h, form, valid(form.card, { specialMention: 'true' }));
    const card = cardOf(await eventually(() => cardsIn(h, MYYNTI.id)[0]))!;
    const first = (card.body as Json[])[0]!;
    assert.equal(first.style, 'attention');
    assert.match(textsOf(first).join('\n'), /ERITYISMAININTA/);
    const entities = (card.msteams as { entities: { text: string; mentioned: { name: string } }[] }).entities;
    assert.deepEqual(entities.map((e) => e.mentioned.name).sort(), ['Mikko Myyntipäällikkö', 'Sanna Myyntijohtaja']);
    for (const e of entities) assert.ok(textsOf(card).join('\n').includes(e.text), `${e.text} appears in the card text`);
  });

  it('puts a special mention to management first in the attention style and @mentions nobody', async () => {
    const form = await open(salesManager);
    await submitForm(h, form, valid(form.card, { specialMention: 'true' }));
    const card = cardOf(await eventually(() => cardsIn(h, GENERAL.id)[0]))!;
    const first = (card.body as Json[])[0]!;
    assert.equal(first.style, 'attention');
    assert.match(textsOf(first).join('\n'), /ERITYISMAININTA/);
    assert.equal(card.msteams, undefined, 'no @mentions in the management channel');
    assert.doesNotMatch(textsOf(card).join('\n'), /<at>/);
  });

  it('stores one note and posts one card when the same form is submitted twice', async () => {
    const form = await open(homeDirector);
    await submitForm(h, form, valid(form.card));
    const again = await submitForm(h, form, valid(form.card));
    assert.equal(savedText(again[0]!), 'Tämä tieto (Länsi-Uudenmaan hyvinvointialue) on jo tallennettu ja lähetetty myynnin kanavalle.');
    assert.equal((await h.app.store.records.list('note')).length, 1);
    await eventually(() => cardsIn(h, MYYNTI.id)[0]);
    await outboxSettles();
    assert.equal(cardsIn(h, MYYNTI.id).length, 1);
  });

  it('brings the form back with messages and typed values; nothing stored or posted', async () => {
    const form = await open(salesManager);
    const replies = await submitForm(h, form, valid(form.card, { customerId: undefined, matter: 'Asukas 131052-308T muuttaa', specialMention: 'true' }));
    const card = cardOf(replies[0])!;
    assert.equal(textsOf(card)[0], 'Tieto tuotannolle');
    assert.equal(messageUnder(card, 'customerId'), 'Pakollinen tieto puuttuu.');
    assert.equal(messageUnder(card, 'matter'), 'Älä kirjaa henkilötunnuksia.');
    assert.equal(inputsOf(card).get('specialMention')!.value, 'true');
    assert.equal(inputsOf(card).get('matter')!.value, 'Asukas 131052-308T muuttaa');
    assert.equal(inputsOf(card).get('careHomeId')!.value, valid(form.card).careHomeId);

    const unknown = await submitForm(h, form, valid(form.card, { customerId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }));
    assert.equal(messageUnder(cardOf(unknown[0])!, 'customerId'), 'Valitse asiakas listalta.');
    assert.equal((await h.app.store.records.list('note')).length, 0);
    await outboxSettles();
    assert.equal(cardsIn(h, MYYNTI.id).length + cardsIn(h, GENERAL.id).length, 0);
  });

  it('refuses someone outside the people list, in English, whether they ask for the form or submit one; nothing stored', async () => {
    const me = personalConversationId(englishUser);
    await h.post(personalMessage(h.connector.url, englishUser, 'note'));
    const answer = h.connector.posted(me).at(-1)!;
    assert.equal(cardOf(answer), undefined, 'no form to fill in');
    assert.match(visibleText(answer), /^You are not in HoivaCRM's people list\. An administrator must add you/);

    const form = await open(salesManager);
    const before = h.connector.posted(me).length;
    await h.post(cardSubmit(h.connector.url, englishUser, answer.activityIdAssigned!, { action: 'note.submit', requestId: randomUUID(), ...valid(form.card) }));
    const [refusal] = h.connector.posted(me).slice(before);
    assert.match(visibleText(refusal!), /^You are not in HoivaCRM's people list\. An administrator must add you before you can record or read anything/);
    assert.equal((await h.app.store.records.list('note')).length, 0);
    await outboxSettles();
    assert.equal(cardsIn(h, MYYNTI.id).length + cardsIn(h, GENERAL.id).length, 0);
  });

  it('answers in English to an English-locale person in the people list', async () => {
    const englishSales: TeamsUser = { ...salesManager, locale: 'en-US' };
    const form = await open(englishSales);
    assert.equal(textsOf(form.card)[0], 'Note for production');
    const invalid = await submitForm(h, form, valid(form.card, { matter: '' }));
    assert.equal(messageUnder(cardOf(invalid[0])!, 'matter'), 'This field is required.');
    const saved = await submitForm(h, form, valid(form.card));
    assert.equal(savedText(saved[0]!), 'Saved: the note (Länsi-Uudenmaan hyvinvointialue) went to production in the management channel.');
  });
});

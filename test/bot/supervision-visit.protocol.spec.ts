import assert from 'node:assert/strict';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { choice, openForm as openRecordForm, submitForm, type OpenForm } from '../support/record-form-session.js';
import { cardOf, inputsOf, textsOf, visibleText, type Json } from '../support/cards.js';
import type { RecordedCall } from '../support/connector-double.js';
import {
  englishUser,
  GENERAL,
  installedInTeam,
  MYYNTI,
  personalConversationId,
  regionalDirector,
  type TeamsUser,
} from '../support/teams-activities.js';

/** `käynti`: a supervision visit goes to management (General in local mode) and sales, nowhere else. */
describe('logging a supervision visit (protocol)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, regionalDirector));
  });
  afterEach(async () => {
    await h.stop();
  });

  const openForm = async (user: TeamsUser = regionalDirector) => (await openRecordForm(h, user, user.locale === 'en-US' ? 'visit' : 'käynti')).form;
  const submit = (form: OpenForm, values: Json): Promise<RecordedCall[]> => submitForm(h, form, values);

  const valid = (card: Json, overrides: Json = {}): Json => ({
    customerId: choice(card, 'customerId', /^Länsi-Uudenmaan/),
    careHomeId: choice(card, 'careHomeId', /^Koivukoti/),
    date: '2026-11-20',
    participants: 'Valvoja Espoosta, Kaisa Kotijohtaja, Jukka Järvinen',
    findings: 'Lääkehoitosuunnitelma päivitettävä; muuten hyvä.',
    followUpActions: 'Päivitys 31.12. mennessä',
    specialMention: 'false',
    ...overrides,
  });

  const cardsIn = (conversationId: string) => h.connector.posted(conversationId).filter((c) => cardOf(c));

  it('offers the visit form with municipality, home, date, participants, findings and the special-mention switch', async () => {
    const { card } = await openForm();
    assert.deepEqual([...inputsOf(card).keys()], ['customerId', 'careHomeId', 'date', 'participants', 'findings', 'followUpActions', 'specialMention']);
    assert.match(textsOf(card).join('\n'), /Älä kirjaa asukkaiden nimiä/);
  });

  it('stores the visit and posts it to management and sales, and nowhere else', async () => {
    const form = await openForm();
    const replies = await submit(form, valid(form.card));
    assert.match(visibleText(replies[0]!), /Tallennettu: valvontakäynti 20\.11\.2026, Koivukoti \(Länsi-Uudenmaan hyvinvointialue\)/);
    const visits = await h.app.store.records.list('supervisionVisit');
    assert.equal(visits.length, 1);
    assert.equal(visits[0]!.recordedBy.name, 'Jukka Järvinen');
    assert.equal(visits[0]!.specialMention, false);

    const management = await eventually(() => cardsIn(GENERAL.id)[0]);
    const sales = await eventually(() => cardsIn(MYYNTI.id)[0]);
    for (const call of [management, sales]) {
      const text = textsOf(cardOf(call)).join('\n');
      assert.match(text, /Valvontakäynti: Koivukoti/);
      assert.match(text, /Lääkehoitosuunnitelma päivitettävä/);
      assert.doesNotMatch(text, /ERITYISMAININTA/);
    }
    await new Promise((r) => setTimeout(r, 150));
    const elsewhere = h.connector.posted().filter((c) => cardOf(c) && ![GENERAL.id, MYYNTI.id, personalConversationId(regionalDirector)].includes(c.conversationId));
    assert.deepEqual(elsewhere, []);
  });

  it('puts a special mention first, in the attention style, and @mentions the sales people', async () => {
    const form = await openForm();
    await submit(form, valid(form.card, { specialMention: 'true' }));
    const sales = await eventually(() => cardsIn(MYYNTI.id)[0]);
    const card = cardOf(sales)!;
    const first = (card.body as Json[])[0]!;
    assert.equal(first.style, 'attention');
    assert.match(textsOf(first).join('\n'), /ERITYISMAININTA/);
    const entities = (card.msteams as { entities: { text: string; mentioned: { id: string; name: string } }[] }).entities;
    assert.deepEqual(entities.map((e) => e.mentioned.name).sort(), ['Mikko Myyntipäällikkö', 'Sanna Myyntijohtaja']);
    for (const e of entities) assert.ok(textsOf(card).join('\n').includes(e.text), `${e.text} appears in the card text`);
    // No double notification: management's copy shows the flag and @mentions nobody.
    const management = cardOf(await eventually(() => cardsIn(GENERAL.id)[0]))!;
    assert.match(textsOf(management).join('\n'), /ERITYISMAININTA/);
    assert.equal(management.msteams, undefined);
  });

  it('brings the form back with messages and typed values; nothing stored or posted', async () => {
    const form = await openForm();
    const replies = await submit(form, valid(form.card, { findings: '', participants: 'Asukas 131052-308T', specialMention: 'true' }));
    const card = cardOf(replies[0])!;
    const texts = textsOf(card);
    assert.ok(texts.includes('Pakollinen tieto puuttuu.'));
    assert.ok(texts.includes('Älä kirjaa henkilötunnuksia.'));
    assert.equal(inputsOf(card).get('specialMention')!.value, 'true', 'the switch keeps its position');
    assert.equal(inputsOf(card).get('followUpActions')!.value, 'Päivitys 31.12. mennessä');
    assert.equal((await h.app.store.records.list('supervisionVisit')).length, 0);
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(cardsIn(MYYNTI.id).length + cardsIn(GENERAL.id).length, 0);
  });

  it('answers in English to an English-locale user', async () => {
    await h.addPerson(englishUser, ['liiketoimintajohtaja']);
    const form = await openForm(englishUser);
    assert.equal(textsOf(form.card)[0], 'Supervision visit');
    const replies = await submit(form, valid(form.card, { customerId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }));
    assert.ok(textsOf(cardOf(replies[0])).includes('Choose a customer from the list.'));
  });
});

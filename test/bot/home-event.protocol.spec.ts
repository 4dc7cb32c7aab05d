import assert from 'node:assert/strict';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, inputsOf, textsOf, visibleText, type Json } from '../support/cards.js';
import { englishUser, GENERAL, installedInTeam, MYYNTI, regionalDirector, type TeamsUser } from '../support/teams-activities.js';
import { cardsIn, cardsOutside, choice, messageUnder, openForm, outboxSettles, submitForm, savedText } from '../support/record-form-session.js';

/**
 * `tilaisuus` / `event`: a home event the municipality attended goes to management (General in local
 * mode) and sales (Myynti), like a supervision visit, and nowhere else.
 */
describe('logging a home event (protocol)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, regionalDirector));
  });
  afterEach(async () => {
    await h.stop();
  });

  const open = async (user: TeamsUser = regionalDirector) => (await openForm(h, user, user.locale === 'en-US' ? 'event' : 'tilaisuus')).form;

  const valid = (card: Json, overrides: Json = {}): Json => ({
    careHomeId: choice(card, 'careHomeId', /^Koivukoti/),
    date: '2026-11-20',
    kind: 'omaisten-ilta',
    title: 'Omaisten ilta syksyllä',
    attendingContactIds: [choice(card, 'attendingContactIds', /^Timo Toivonen – Länsi-Uudenmaan/), choice(card, 'attendingContactIds', /^Jari Jokinen – Vantaan ja Keravan/)].join(','),
    whatCameUp: 'Vantaa kysyi lyhytaikaisista paikoista keväälle.',
    specialMention: 'false',
    ...overrides,
  });

  it('offers home, date, kind, title, the municipal contacts to choose from, what came up and the special-mention switch', async () => {
    const card = (await open()).card;
    const inputs = inputsOf(card);
    assert.deepEqual([...inputs.keys()], ['careHomeId', 'date', 'kind', 'title', 'attendingContactIds', 'whatCameUp', 'specialMention']);
    assert.equal(inputs.get('date')!.max, '2026-11-23', 'no date after today');
    const attendees = inputs.get('attendingContactIds')!;
    assert.equal(attendees.isMultiSelect, true);
    const titles = (attendees.choices as { title: string }[]).map((c) => c.title);
    assert.ok(titles.includes('Timo Toivonen – Länsi-Uudenmaan hyvinvointialue'));
    assert.ok(titles.includes('Laura Lehtonen – Varsinais-Suomen hyvinvointialue'));
    assert.deepEqual((inputs.get('kind')!.choices as { title: string }[]).map((c) => c.title), ['Omaisten ilta', 'Kesäjuhla', 'Joulujuhla', 'Muu tilaisuus']);
    assert.match(textsOf(card).join('\n'), /Älä kirjaa asukkaiden nimiä/);
  });

  it('stores the event with the attending contacts and their municipalities, and posts it to management and sales only', async () => {
    const form = await open();
    const values = valid(form.card);
    const replies = await submitForm(h, form, values);
    assert.match(savedText(replies[0]!), /Tallennettu: Omaisten ilta syksyllä \(Omaisten ilta\) 20\.11\.2026, Koivukoti\. Johto ja myynti saavat tiedon\./);

    const events = await h.app.store.records.list('homeEvent');
    assert.equal(events.length, 1);
    const stored = events[0]!;
    const customers = await h.app.store.records.list('customer');
    const idOf = (name: string) => customers.find((c) => c.name === name)!.id;
    assert.deepEqual(stored.attendingContactIds, (values.attendingContactIds as string).split(','));
    assert.deepEqual(stored.customerIds, [idOf('Länsi-Uudenmaan hyvinvointialue'), idOf('Vantaan ja Keravan hyvinvointialue')]);
    assert.equal(stored.kind, 'omaisten-ilta');
    assert.equal(stored.date, '2026-11-20');
    assert.equal(stored.whatCameUp, 'Vantaa kysyi lyhytaikaisista paikoista keväälle.');
    assert.equal(stored.specialMention, false);
    assert.equal(stored.recordedBy.name, 'Jukka Järvinen');

    const management = await eventually(() => cardsIn(h, GENERAL.id)[0]);
    const sales = await eventually(() => cardsIn(h, MYYNTI.id)[0]);
    for (const call of [management, sales]) {
      const text = textsOf(cardOf(call)).join('\n');
      assert.match(text, /Omaisten ilta: Koivukoti/);
      assert.match(text, /Asiakkaat: Länsi-Uudenmaan hyvinvointialue, Vantaan ja Keravan hyvinvointialue/);
      assert.match(text, /Timo Toivonen – Länsi-Uudenmaan hyvinvointialue/);
      assert.match(text, /lyhytaikaisista paikoista/);
      assert.doesNotMatch(text, /ERITYISMAININTA/);
    }
    await outboxSettles();
    assert.equal(cardsIn(h, GENERAL.id).length + cardsIn(h, MYYNTI.id).length, 2, 'one card per channel');
    assert.deepEqual(cardsOutside(h, [GENERAL.id, MYYNTI.id], regionalDirector), []);
  });

  it('puts a special mention first, in the attention style, and @mentions the sales people in the sales channel only', async () => {
    const form = await open();
    await submitForm(h, form, valid(form.card, { specialMention: 'true' }));
    for (const channel of [GENERAL.id, MYYNTI.id]) {
      const card = cardOf(await eventually(() => cardsIn(h, channel)[0]))!;
      const first = (card.body as Json[])[0]!;
      assert.equal(first.type, 'Container');
      assert.equal(first.style, 'attention');
      assert.match(textsOf(first).join('\n'), /ERITYISMAININTA/);
      // Management's copy carries the flag but notifies nobody: the sales people are told in their channel.
      if (channel === GENERAL.id) {
        assert.equal(card.msteams, undefined, 'no @mentions in the management channel');
        continue;
      }
      const entities = (card.msteams as { entities: { text: string; mentioned: { name: string } }[] }).entities;
      assert.deepEqual(entities.map((e) => e.mentioned.name).sort(), ['Mikko Myyntipäällikkö', 'Sanna Myyntijohtaja']);
      for (const e of entities) assert.ok(textsOf(first).join('\n').includes(e.text), `${e.text} appears in the special mention`);
    }
  });

  it('stores one event and posts one card per channel when the same form is submitted twice', async () => {
    const form = await open();
    await submitForm(h, form, valid(form.card));
    const again = await submitForm(h, form, valid(form.card));
    assert.match(savedText(again[0]!), /Tämä tilaisuus on jo tallennettu/);
    assert.equal((await h.app.store.records.list('homeEvent')).length, 1);
    await eventually(() => cardsIn(h, MYYNTI.id)[0]);
    await outboxSettles();
    assert.equal(cardsIn(h, GENERAL.id).length, 1);
    assert.equal(cardsIn(h, MYYNTI.id).length, 1);
  });

  it('brings the form back with messages and typed values when a field is missing or holds an identity code; nothing stored or posted', async () => {
    const form = await open();
    const replies = await submitForm(h, form, valid(form.card, { title: '', whatCameUp: 'Omainen 131052-308T kysyi', specialMention: 'true' }));
    const card = cardOf(replies[0])!;
    assert.equal(messageUnder(card, 'title'), 'Pakollinen tieto puuttuu.');
    assert.equal(messageUnder(card, 'whatCameUp'), 'Älä kirjaa henkilötunnuksia.');
    const inputs = inputsOf(card);
    assert.equal(inputs.get('specialMention')!.value, 'true', 'the switch keeps its position');
    assert.equal(inputs.get('attendingContactIds')!.value, valid(form.card).attendingContactIds, 'the chosen attendees are kept');
    assert.equal(inputs.get('kind')!.value, 'omaisten-ilta');
    assert.equal((await h.app.store.records.list('homeEvent')).length, 0);
    await outboxSettles();
    assert.equal(cardsIn(h, MYYNTI.id).length + cardsIn(h, GENERAL.id).length, 0);
  });

  it('refuses a date in the future and a contact it does not know, under those fields; nothing stored or posted', async () => {
    const form = await open();
    const unknownContact = '3f0e8c1a-5b7d-4e2f-9a6c-1d2e3f4a5b6c';
    const replies = await submitForm(h, form, valid(form.card, { date: '2026-11-24', attendingContactIds: unknownContact }));
    const card = cardOf(replies[0])!;
    assert.equal(messageUnder(card, 'date'), 'Kirjaa tilaisuus, kun se on pidetty: päivä ei voi olla tulevaisuudessa.');
    assert.equal(messageUnder(card, 'attendingContactIds'), 'Valitse osallistujat listalta.');
    assert.equal(inputsOf(card).get('date')!.value, '2026-11-24');
    assert.equal(inputsOf(card).get('title')!.value, 'Omaisten ilta syksyllä');
    const identityCode = await submitForm(h, form, valid(form.card, { title: 'Omaisten ilta 131052-308T' }));
    assert.equal(messageUnder(cardOf(identityCode[0])!, 'title'), 'Älä kirjaa henkilötunnuksia.', 'the title is free text too');
    assert.equal((await h.app.store.records.list('homeEvent')).length, 0);
    await outboxSettles();
    assert.equal(cardsIn(h, MYYNTI.id).length + cardsIn(h, GENERAL.id).length, 0);
  });

  it('answers in English to an English-locale user', async () => {
    await h.addPerson(englishUser, ['liiketoimintajohtaja']);
    const form = await open(englishUser);
    assert.equal(textsOf(form.card)[0], 'Home event');
    assert.ok((inputsOf(form.card).get('kind')!.choices as { title: string }[]).some((c) => c.title === 'Relatives\' evening'));
    const refused = await submitForm(h, form, valid(form.card, { date: '2026-12-01' }));
    assert.equal(messageUnder(cardOf(refused[0])!, 'date'), 'Log the event once it has taken place: the date cannot be in the future.');
    const saved = await submitForm(h, form, valid(form.card, { kind: 'joulujuhla', title: 'Christmas party' }));
    assert.match(savedText(saved[0]!), /^Saved: Christmas party \(Christmas party\) 20 Nov 2026, Koivukoti\. Management and sales are told\.$/);
  });
});

import assert from 'node:assert/strict';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, inputsOf, textsOf, visibleText, type Json } from '../support/cards.js';
import { englishUser, GENERAL, homeDirector, installedInTeam, MYYNTI, type TeamsUser } from '../support/teams-activities.js';
import { cardsIn, cardsOutside, choice, messageUnder, openForm, outboxSettles, submitForm, savedText } from '../support/record-form-session.js';

/**
 * `kokous` / `meeting`: a development-meeting memo (thesis 6.3) goes to management (General in local
 * mode) and sales (Myynti), memo included, and nowhere else. Times are Helsinki wall-clock times.
 */
describe('recording a development meeting (protocol)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
  });
  afterEach(async () => {
    await h.stop();
  });

  const open = async (user: TeamsUser = homeDirector) => (await openForm(h, user, user.locale === 'en-US' ? 'meeting memo' : 'kokous muistio')).form;

  const yearly = (card: Json, overrides: Json = {}): Json => ({
    kind: 'vuosittainen',
    customerId: choice(card, 'customerId', /^Länsi-Uudenmaan/),
    careHomeId: choice(card, 'careHomeId', /^Koivukoti/),
    date: '2026-11-20',
    startTime: '10:00',
    endTime: '12:00',
    participants: 'Timo Toivonen, Hanna Heikkilä, Jukka Järvinen, Kaisa Kotijohtaja',
    memo: 'Käytiin läpi sopimuskauden palvelut.',
    feedback: 'Tyytyväisiä hoitajien pysyvyyteen.',
    developmentItems: 'Omaisviestintä kuukausikirjeeksi.',
    ...overrides,
  });

  it('offers kind, customer, care home, date, start and end time, participants, memo, feedback and development items', async () => {
    const card = (await open()).card;
    const inputs = inputsOf(card);
    assert.deepEqual([...inputs.keys()], ['kind', 'customerId', 'careHomeId', 'date', 'startTime', 'endTime', 'participants', 'memo', 'feedback', 'developmentItems']);
    assert.equal(inputs.get('startTime')!.type, 'Input.Time');
    assert.equal(inputs.get('endTime')!.type, 'Input.Time');
    assert.deepEqual((inputs.get('kind')!.choices as { value: string }[]).map((c) => c.value), ['vuosittainen', 'neljannesvuosittainen']);
    assert.match(textsOf(card).join('\n'), /Älä kirjaa asukkaiden nimiä/);
  });

  it('stores the yearly meeting with its times as Helsinki instants and posts the memo to management and sales only', async () => {
    const form = await open();
    const values = yearly(form.card);
    const replies = await submitForm(h, form, values);
    assert.match(savedText(replies[0]!), /^Tallennettu: Vuosittainen kehityskokous asiakkaan kanssa 20\.11\.2026.*10\.00, Länsi-Uudenmaan hyvinvointialue\. Johto ja myynti saavat muistion\.$/);
    const [meeting, ...more] = await h.app.store.records.list('developmentMeeting');
    assert.equal(more.length, 0);
    assert.equal(meeting!.kind, 'vuosittainen');
    assert.equal(meeting!.customerId, values.customerId);
    assert.equal(meeting!.careHomeId, values.careHomeId);
    assert.equal(meeting!.startsAt, '2026-11-20T08:00:00.000Z', '10:00 in Helsinki in November (UTC+2)');
    assert.equal(meeting!.endsAt, '2026-11-20T10:00:00.000Z');
    assert.equal(meeting!.memo, values.memo);
    assert.equal(meeting!.feedback, values.feedback);
    assert.equal(meeting!.developmentItems, values.developmentItems);
    assert.equal(meeting!.calendarEventId, undefined, 'the Outlook invite comes later');
    assert.equal(meeting!.recordedBy.name, 'Kaisa Kotijohtaja');

    const management = await eventually(() => cardsIn(h, GENERAL.id)[0]);
    const sales = await eventually(() => cardsIn(h, MYYNTI.id)[0]);
    for (const call of [management, sales]) {
      const text = textsOf(cardOf(call)).join('\n');
      assert.match(text, /Kehityskokous: Länsi-Uudenmaan hyvinvointialue/);
      assert.match(text, /Palvelutalo: Koivukoti/);
      assert.match(text, /Käytiin läpi sopimuskauden palvelut\./);
      assert.match(text, /Tyytyväisiä hoitajien pysyvyyteen\./);
      assert.match(text, /Omaisviestintä kuukausikirjeeksi\./);
    }
    await outboxSettles();
    assert.equal(cardsIn(h, GENERAL.id).length + cardsIn(h, MYYNTI.id).length, 2, 'one card per channel');
    assert.deepEqual(cardsOutside(h, [GENERAL.id, MYYNTI.id], homeDirector), []);
  });

  it('stores the quarterly joint meeting without a customer, summer time included', async () => {
    const form = await open();
    const replies = await submitForm(h, form, yearly(form.card, { kind: 'neljannesvuosittainen', customerId: undefined, careHomeId: undefined, date: '2026-06-15', startTime: '09:00', endTime: '11:30', feedback: undefined }));
    assert.match(savedText(replies[0]!), /^Tallennettu: Tuotannon ja myynnin yhteinen kokous \(joka kolmas kuukausi\) 15\.6\.2026.*9\.00\. Johto ja myynti saavat muistion\.$/);
    const [meeting] = await h.app.store.records.list('developmentMeeting');
    assert.equal(meeting!.customerId, undefined);
    assert.equal(meeting!.startsAt, '2026-06-15T06:00:00.000Z', '09:00 in Helsinki in June (UTC+3)');
    assert.equal(meeting!.endsAt, '2026-06-15T08:30:00.000Z');
    const sales = await eventually(() => cardsIn(h, MYYNTI.id)[0]);
    const text = textsOf(cardOf(sales)).join('\n');
    assert.match(text, /Tuotannon ja myynnin yhteinen kokous/);
    assert.doesNotMatch(text, /Kunta:/);
    assert.doesNotMatch(text, /Asiakkaan palaute/);
    await eventually(() => cardsIn(h, GENERAL.id)[0]);
  });

  it('stores one meeting and posts one card per channel when the same form is submitted twice', async () => {
    const form = await open();
    await submitForm(h, form, yearly(form.card));
    const again = await submitForm(h, form, yearly(form.card));
    assert.match(savedText(again[0]!), /^Tämä kokous on jo tallennettu/);
    assert.equal((await h.app.store.records.list('developmentMeeting')).length, 1);
    await eventually(() => cardsIn(h, MYYNTI.id)[0]);
    await outboxSettles();
    assert.equal(cardsIn(h, GENERAL.id).length, 1);
    assert.equal(cardsIn(h, MYYNTI.id).length, 1);
  });

  it('asks for the customer of a yearly meeting and refuses an end before the start, under those fields; nothing stored or posted', async () => {
    const form = await open();
    const replies = await submitForm(h, form, yearly(form.card, { customerId: undefined, startTime: '14:00', endTime: '13:00' }));
    const card = cardOf(replies[0])!;
    assert.equal(messageUnder(card, 'customerId'), 'Vuosittainen kehityskokous pidetään asiakkaan kanssa: valitse asiakas.');
    assert.equal(messageUnder(card, 'endTime'), 'Kokous päättyy ennen kuin se alkaa.');
    const inputs = inputsOf(card);
    assert.equal(inputs.get('startTime')!.value, '14:00');
    assert.equal(inputs.get('endTime')!.value, '13:00');
    assert.equal(inputs.get('memo')!.value, 'Käytiin läpi sopimuskauden palvelut.');
    assert.equal(inputs.get('kind')!.value, 'vuosittainen');
    assert.equal((await h.app.store.records.list('developmentMeeting')).length, 0);
    await outboxSettles();
    assert.equal(cardsIn(h, MYYNTI.id).length + cardsIn(h, GENERAL.id).length, 0);
  });

  it('refuses a time that is not hh:mm, a missing participant list and an identity code; nothing stored', async () => {
    const form = await open();
    const replies = await submitForm(h, form, yearly(form.card, { startTime: 'kymmeneltä', participants: '', feedback: 'Omainen 131052-308T kiitti' }));
    const card = cardOf(replies[0])!;
    assert.equal(messageUnder(card, 'startTime'), 'Anna kellonaika muodossa tt:mm.');
    assert.equal(messageUnder(card, 'participants'), 'Pakollinen tieto puuttuu.');
    assert.equal(messageUnder(card, 'feedback'), 'Älä kirjaa henkilötunnuksia.');
    assert.equal(inputsOf(card).get('startTime')!.value, 'kymmeneltä');
    assert.equal((await h.app.store.records.list('developmentMeeting')).length, 0);
  });

  it('answers in English to an English-locale user', async () => {
    await h.addPerson(englishUser, ['liiketoimintajohtaja']);
    const form = await open(englishUser);
    assert.equal(textsOf(form.card)[0], 'Development meeting');
    assert.equal(inputsOf(form.card).get('startTime')!.label, 'Started at');
    const refused = await submitForm(h, form, yearly(form.card, { endTime: '09:00' }));
    assert.equal(messageUnder(cardOf(refused[0])!, 'endTime'), 'The meeting ends before it starts.');
    const saved = await submitForm(h, form, yearly(form.card));
    assert.match(savedText(saved[0]!), /^Saved: Yearly development meeting with the customer 20\/11\/2026.*10:00, Länsi-Uudenmaan hyvinvointialue\. Management and sales get the memo\.$/);
  });
});

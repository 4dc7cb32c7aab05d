import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { recordKinds } from '../../src/store/record-kinds.js';
import type { RecordWrite } from '../../src/store/store-port.js';
import { BotHarness } from '../support/bot-harness.js';
import { cardOf, executeActionsOf, inputsOf, textsOf, visibleText, walk, type Json } from '../support/cards.js';
import {
  channelMessage,
  englishUser,
  GENERAL,
  homeDirector,
  installedInTeam,
  MYYNTI,
  personalConversationId,
  personalMessage,
  regionalDirector,
  salesManager,
  businessDirector,
  qualityManager,
  type TeamsUser,
} from '../support/teams-activities.js';

/**
 * `asiakas <nimi>` / `customer <name>`: the customer card in the asker's chat. The records it gathers
 * are written straight to the store (each flow that records them has its own tests).
 */
describe('the customer card (protocol)', () => {
  let h: BotHarness;
  const espooId = stableIdFor('customer:Länsi-Uudenmaan hyvinvointialue');
  const vantaaId = stableIdFor('customer:Vantaan ja Keravan hyvinvointialue');
  const turkuId = stableIdFor('customer:Varsinais-Suomen hyvinvointialue');
  const koivukoti = stableIdFor('home:Koivukoti');
  const mikko = { id: salesManager.aadObjectId, name: salesManager.name };
  const kaisa = { id: homeDirector.aadObjectId, name: homeDirector.name };
  const jukka = { id: regionalDirector.aadObjectId, name: regionalDirector.name };
  const meta = (createdAt = '2026-11-01T08:00:00.000Z') => ({ id: randomUUID(), version: 1, createdAt, createdBy: 'test', updatedAt: createdAt });
  const log = (customerId: string, date: string, matter: string, next?: [string, string]) => ({
    kind: 'contactLogEntry' as const,
    record: { ...meta(), customerId, date, type: 'puhelu' as const, matter, recordedBy: mikko, ...(next ? { nextContactDate: next[0], nextContactTopic: next[1] } : {}) },
    expectedVersion: null,
  });

  /** Nine entries of six kinds for Espoo (five newest: 20.11, 19.11, 18.11, 15.11, 12.11), one for Vantaa later. */
  const espooHistory = (): RecordWrite[] => [
    log(espooId, '2026-10-01', 'Vanha puhelu', ['2026-11-10', 'Mennyt muistutus']),
    log(espooId, '2026-11-02', 'Hintaneuvottelun aloitus', ['2026-12-04', 'Hintaneuvottelu jatkuu']),
    log(espooId, '2026-11-20', 'Kysyi vapaista paikoista keväälle', ['2026-11-30', 'Tarjous kahdesta paikasta']),
    { kind: 'note', record: { ...meta('2026-11-19T10:00:00.000Z'), customerId: espooId, matter: 'Kunta suunnittelee uutta kilpailutusta', specialMention: false, direction: 'myynnista-tuotantoon', recordedBy: mikko }, expectedVersion: null },
    { kind: 'supervisionVisit', record: { ...meta(), customerId: espooId, careHomeId: koivukoti, date: '2026-11-18', participants: 'Valvoja, Kaisa', findings: 'Lääkehoitosuunnitelma päivitettävä', specialMention: false, recordedBy: jukka }, expectedVersion: null },
    {
      kind: 'homeEvent',
      record: { ...meta(), careHomeId: koivukoti, date: '2026-11-15', kind: 'omaisten-ilta', title: 'Omaisten ilta', customerIds: [vantaaId, espooId], attendingContactIds: [], whatCameUp: 'Kunnan edustaja kysyi lyhytaikaisista paikoista', specialMention: false, recordedBy: jukka },
      expectedVersion: null,
    },
    { kind: 'complaint', record: { ...meta(), customerId: espooId, careHomeId: koivukoti, receivedDate: '2026-11-12', channel: 'puhelin', matter: 'Omaiselle ei ilmoitettu lääkemuutoksesta', severity: 'kohtalainen', status: 'toimenpiteet-sovittu', nextStepDue: '2026-11-30', recordedBy: kaisa }, expectedVersion: null },
    { kind: 'complaint', record: { ...meta(), customerId: espooId, careHomeId: koivukoti, receivedDate: '2026-09-01', channel: 'sahkoposti', matter: 'Vanha ja käsitelty', severity: 'vahainen', status: 'suljettu', recordedBy: kaisa }, expectedVersion: null },
    {
      kind: 'developmentMeeting',
      record: { ...meta(), kind: 'vuosittainen', customerId: espooId, careHomeId: koivukoti, startsAt: '2026-11-10T10:00:00.000Z', endsAt: '2026-11-10T12:00:00.000Z', participants: 'Timo Toivonen, Kaisa', memo: 'Vuoden palaute hyvä', recordedBy: kaisa },
      expectedVersion: null,
    },
    { kind: 'agreement', record: { ...meta(), customerId: espooId, kind: 'ostopalvelu', title: 'Tehostetun palveluasumisen puitesopimus', serviceTypes: ['ymparivuorokautinen'], pricePerDay: 182, startDate: '2025-01-01', endDate: '2027-12-31', paymentCommitment: true }, expectedVersion: null },
    { kind: 'contact', record: { ...meta(), customerId: espooId, name: 'Olli Ostaja', role: 'muu', title: 'Hankintapäällikkö', phone: '+358 9 816 000', personalNotes: 'Harrastaa purjehdusta' }, expectedVersion: null },
    log(vantaaId, '2026-11-22', 'Vantaan oma asia'),
    log(turkuId, '2026-11-01', 'Turun viimeisin'),
    { kind: 'customer', record: { ...meta(), name: 'Tammelan kunta', kind: 'kunta', region: 'lounais-suomi', segment: 'palveluseteli', lifecyclePhase: 'hankinta' }, expectedVersion: null },
  ];

  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
    await h.app.store.records.commit({ at: '2026-11-23T07:00:00.000Z', writes: espooHistory(), outbox: [] });
  });
  afterEach(async () => {
    await h.stop();
  });

  async function ask(user: TeamsUser, text: string): Promise<{ card: Json; activityId: string }> {
    const before = h.connector.posted(personalConversationId(user)).length;
    await h.post(personalMessage(h.connector.url, user, text));
    const call = h.connector.posted(personalConversationId(user))[before];
    assert.ok(call && cardOf(call), `the bot answered "${text}" with a card`);
    return { card: cardOf(call)!, activityId: call.activityIdAssigned! };
  }
  /** Presses a button (an Action.Execute): the answer is the card the presser sees, and nothing is posted in the chat. */
  async function click(user: TeamsUser, activityId: string, button: { verb: string; data: Json }): Promise<Json> {
    const before = h.connector.posted(personalConversationId(user)).length;
    const answer = await h.execute(user, activityId, button);
    assert.equal(answer.status, 200);
    assert.ok(answer.card, 'the bot answered the press with a card');
    assert.equal(h.connector.posted(personalConversationId(user)).length, before, 'an Action.Execute is answered in place, not in the chat');
    return answer.card;
  }
  /** The card's buttons: every one is an Action.Execute. */
  const buttons = (card: Json) => executeActionsOf(card);
  const texts = (card: Json) => textsOf(card).join('\n');
  const entryLines = (card: Json, kinds: RegExp) => textsOf(card).filter((line) => kinds.test(line));
  const FI_KINDS = /^\d+\.\d+\.2026 · (Yhteydenotto|Valvontakäynti|Asukastilaisuus|Tieto|Kehityskokous|Reklamaatio) · /;

  it('`asiakas espoo` shows contacts, agreement, the five newest entries of any kind, open complaints, next contact and free places of the region', async () => {
    const { card } = await ask(businessDirector, 'asiakas länsi-uusimaa');
    const text = texts(card);
    assert.equal(textsOf(card)[0], 'Länsi-Uudenmaan hyvinvointialue');
    assert.match(text, /Segmentti: Ostopalvelu\nAsiakkuuden vaihe: Pysyvyys/);
    assert.match(text, /Sari Salminen – Palvelujohtaja\n\[sari\.salminen@lansiuusimaa\.example\]\(mailto:sari\.salminen@lansiuusimaa\.example\)/);
    assert.match(text, /Timo Toivonen – Vanhuspalvelujen johtaja/);
    assert.match(text, /Hanna Heikkilä – Sosiaalityöntekijä/);
    assert.match(text, /Olli Ostaja – Muu yhteyshenkilö, Hankintapäällikkö\n\[\+358 9 816 000\]\(tel:\+3589816000\)\nMuistiinpano: Harrastaa purjehdusta/);
    assert.match(text, /Tehostetun palveluasumisen puitesopimus\nOstopalvelu · Ympärivuorokautinen palveluasuminen · 1\.1\.2025–31\.12\.2027 · 182,00 €\/vrk · maksusitoumus/);

    assert.deepEqual(entryLines(card, FI_KINDS), [
      '20.11.2026 · Yhteydenotto · Kysyi vapaista paikoista keväälle · Mikko Myyntipäällikkö',
      '19.11.2026 · Tieto · Kunta suunnittelee uutta kilpailutusta · Mikko Myyntipäällikkö',
      '18.11.2026 · Valvontakäynti · Lääkehoitosuunnitelma päivitettävä · Jukka Järvinen',
      '15.11.2026 · Asukastilaisuus · Kunnan edustaja kysyi lyhytaikaisista paikoista · Jukka Järvinen',
      '12.11.2026 · Reklamaatio · Omaiselle ei ilmoitettu lääkemuutoksesta · Kaisa Kotijohtaja',
    ]);
    assert.doesNotMatch(text, /Vantaan oma asia/, 'another customer\'s entry is not on the card');
    assert.match(text, /Viimeisin kirjaus 3 päivää sitten \(20\.11\.2026\)\./);

    assert.match(text, /Avoimet reklamaatiot\n12\.11\.2026 · Koivukoti · toimenpiteet sovittu · Omaiselle ei ilmoitettu lääkemuutoksesta\nSeuraava vaihe 30\.11\.2026 mennessä\./);
    assert.doesNotMatch(text, /Vanha ja käsitelty/, 'a closed complaint is not open');
    assert.match(text, /Seuraava yhteydenotto\n30\.11\.2026 · Tarjous kahdesta paikasta · Mikko Myyntipäällikkö/);

    assert.match(text, /Vapaat ja vapautuvat paikat: Etelä-Suomi\n/);
    assert.match(text, /Koivukoti\nA7 · Ympärivuorokautinen palveluasuminen · Ikääntyneet · vapaa alkaen/);
    assert.doesNotMatch(text, /Aurakoti/, 'places of other regions are not offered');

    assert.deepEqual(buttons(card).map((b) => ({ ...b.data, requestId: typeof b.data.requestId })), [
      { action: 'contactLog.open', requestId: 'string', customerId: espooId, topic: '' },
      { action: 'agreement.open', requestId: 'string', customerId: espooId },
      { action: 'plan.show', requestId: 'string', customerId: espooId },
    ]);
  });

  it('`customer Länsi-Uusimaa` answers an English-locale user in English', async () => {
    await h.addPerson(englishUser, ['liiketoimintajohtaja']);
    const { card } = await ask(englishUser, 'customer Länsi-Uusimaa');
    const text = texts(card);
    assert.match(text, /Segment: Purchase-service agreement\nRelationship phase: Retention/);
    assert.match(text, /Sari Salminen – Service director/);
    assert.match(text, /Last entry 3 days ago \(20 Nov 2026\)\./);
    const kinds = /^\d+ Nov 2026 · (Contact|Note|Supervision visit|Home event|Development meeting|Complaint) · /;
    assert.deepEqual(entryLines(card, kinds).map((l) => l.split(' · ')[1]), ['Contact', 'Note', 'Supervision visit', 'Home event', 'Complaint']);
    assert.match(text, /Next contact\n30 Nov 2026 · Tarjous kahdesta paikasta · Mikko Myyntipäällikkö/);
    assert.match(text, /Free and freeing places: Southern Finland/);
    assert.equal(buttons(card)[0]!.title, 'Log a contact');
  });

  describe('complaint text and notes about contacts, by who reads (DOMAIN.md, "Who may see and do what")', () => {
    const complaintText = /Omaiselle ei ilmoitettu lääkemuutoksesta/;
    const contactNote = /Harrastaa purjehdusta/;
    const otherDirector: TeamsUser = { id: '29:olga', name: 'Olga Omakoti', aadObjectId: '0b000000-0000-4000-8000-000000000031', locale: 'fi-FI' };
    const otherRegion: TeamsUser = { id: '29:risto', name: 'Risto Sisämaa', aadObjectId: '0b000000-0000-4000-8000-000000000032', locale: 'fi-FI' };
    const shows = async (user: TeamsUser) => {
      const text = texts((await ask(user, 'asiakas länsi-uusimaa')).card);
      return { complaint: complaintText.test(text), notes: contactNote.test(text), summaryNote: /^Tiivistelmä: /m.test(text) };
    };

    it('management and the quality manager read both', async () => {
      for (const user of [businessDirector, regionalDirector, qualityManager]) {
        assert.deepEqual(await shows(user), { complaint: true, notes: true, summaryNote: false }, user.name);
      }
    });

    it('the home concerned reads its complaint, not the notes about the customer\'s officials', async () => {
      assert.deepEqual(await shows(homeDirector), { complaint: true, notes: false, summaryNote: true });
    });

    it('sales, another home\'s director and another region\'s director get the summary', async () => {
      await h.addPerson(otherDirector, ['kotijohtaja'], ['Aurakoti']);
      await h.addPerson(otherRegion, ['aluejohtaja'], [], 'sisa-suomi');
      for (const user of [salesManager, otherDirector, otherRegion]) {
        assert.deepEqual(await shows(user), { complaint: false, notes: false, summaryNote: true }, user.name);
      }
      const sales = texts((await ask(salesManager, 'asiakas länsi-uusimaa')).card);
      assert.match(sales, /^12\.11\.2026 · Koivukoti · toimenpiteet sovittu · –$/m, 'the complaint itself is listed, without its text');
    });

    it('someone outside the people list reads nothing', async () => {
      const outsider: TeamsUser = { id: '29:vieras', name: 'Vieras Henkilö', aadObjectId: '0b000000-0000-4000-8000-000000000039', locale: 'fi-FI' };
      await h.post(personalMessage(h.connector.url, outsider, 'asiakas länsi-uusimaa'));
      const answer = h.connector.posted(personalConversationId(outsider)).at(-1)!;
      assert.equal(cardOf(answer), undefined, 'no card');
      assert.match(visibleText(answer), /^Et ole HoivaCRM:n henkilölistalla\. Ylläpitäjän on lisättävä sinut/);
      assert.doesNotMatch(JSON.stringify(answer.body), /Espoo|lääkemuutoksesta/);
    });

    it('asked in a channel by the business director, the card is written for the channel', async () => {
      await h.post(channelMessage(h.connector.url, businessDirector, MYYNTI, 'asiakas länsi-uusimaa'));
      const reply = h.connector.posted().find((c) => c.conversationId.startsWith(`${MYYNTI.id};messageid=`) && cardOf(c));
      const text = texts(cardOf(reply)!);
      assert.doesNotMatch(text, complaintText);
      assert.doesNotMatch(text, contactNote);
    });
  });

  it('opens the contact-log form for this customer from the card', async () => {
    const { card, activityId } = await ask(salesManager, 'asiakas Länsi-Uudenmaan hyvinvointialue');
    const entries = (await h.app.store.records.list('contactLogEntry')).length;
    const form = await click(salesManager, activityId, buttons(card)[0]!);
    assert.equal(textsOf(form)[0], 'Yhteydenoton kirjaus');
    assert.equal(inputsOf(form).get('customerId')?.value, espooId);
    assert.equal((await h.app.store.records.list('contactLogEntry')).length, entries, 'opening the form stores nothing');
  });

  it('offers a choice for an ambiguous name, and the card of the one clicked', async () => {
    const { card, activityId } = await ask(salesManager, 'asiakas maan');
    assert.match(texts(card), /Useita asiakkaita haulla "maan"/);
    assert.deepEqual(buttons(card).map((b) => b.title), ['Länsi-Uudenmaan hyvinvointialue', 'Pirkanmaan hyvinvointialue']);
    assert.ok(buttons(card).every((b) => b.data.action === 'customer.show'));
    const tampere = await click(salesManager, activityId, buttons(card).find((b) => b.title === 'Pirkanmaan hyvinvointialue')!);
    assert.equal(textsOf(tampere)[0], 'Pirkanmaan hyvinvointialue');
    assert.match(texts(tampere), /Mika Mattila – Palvelujohtaja/);
    assert.match(texts(tampere), /Vapaat ja vapautuvat paikat: Sisä-Suomi/);
    const never = textsOf(tampere).indexOf('⚠ Asiakkaasta ei ole yhtään kirjausta.');
    assert.ok(never > 0, 'a customer nobody has recorded anything about says so');
  });

  it('offers the closest names for a typo, and nothing else', async () => {
    const espo = await ask(salesManager, 'asiakas Läns');
    assert.deepEqual(buttons(espo.card).map((b) => b.title), ['Länsi-Uudenmaan hyvinvointialue']);
    assert.doesNotMatch(texts(espo.card), /Yhteyshenkilöt/, 'a begun name is offered, not guessed');

    const vantta = await ask(salesManager, 'asiakas Pirkamaa');
    assert.match(texts(vantta.card), /Asiakasta "Pirkamaa" ei löytynyt\nTarkoititko jotakin näistä\?/);
    assert.equal(buttons(vantta.card)[0]!.title, 'Pirkanmaan hyvinvointialue');
    assert.equal(buttons(vantta.card).length, 3);
    const vantaa = await click(salesManager, vantta.activityId, buttons(vantta.card)[0]!);
    assert.equal(textsOf(vantaa)[0], 'Pirkanmaan hyvinvointialue');
  });

  it('shows a customer silent for two weeks or more with the warning sign, not by colour alone (seed 002)', async () => {
    const { card } = await ask(salesManager, 'asiakas varsinais-suomi');
    assert.equal(textsOf(card)[0], 'Varsinais-Suomen hyvinvointialue');
    let line: Json | undefined;
    walk(card, (n) => {
      if (n.type === 'TextBlock' && String(n.text).startsWith('⚠ Viimeisin kirjaus 22 päivää sitten')) line = n;
    });
    assert.equal(line?.weight, 'bolder');
    assert.match(texts(card), /Kaksi viikkoa tai enemmän ilman kirjausta/);
  });

  it('asks for a name, with the customers as buttons, when none is given', async () => {
    const { card } = await ask(salesManager, 'asiakas');
    assert.match(texts(card), /Kenen asiakkaan kortti\?\nKirjoita asiakkaan nimi komennon perään, esimerkiksi "asiakas Pirkanmaa"/);
    assert.equal(buttons(card).length, 8);
    assert.equal(buttons(card)[0]!.title, 'Helsingin kaupunki');
  });

  it('asked in a channel, answers there without what complaints say and without the notes about contacts', async () => {
    await h.post(channelMessage(h.connector.url, salesManager, MYYNTI, 'asiakas länsi-uusimaa'));
    const reply = h.connector.posted().find((c) => c.conversationId.startsWith(`${MYYNTI.id};messageid=`) && cardOf(c));
    assert.ok(reply, 'the card is the reply in the channel thread');
    const text = texts(cardOf(reply)!);
    assert.match(text, /Olli Ostaja – Muu yhteyshenkilö/);
    assert.doesNotMatch(text, /purjehdusta/);
    assert.doesNotMatch(text, /lääkemuutoksesta/);
    assert.match(text, /^12\.11\.2026 · Reklamaatio · – · Kaisa Kotijohtaja$/m);
    assert.match(text, /^12\.11\.2026 · Koivukoti · toimenpiteet sovittu · –$/m);
    assert.match(text, /Koko kortin saat yksityisviestinä/);
    assert.match(text, /Kysyi vapaista paikoista keväälle/, 'the rest of the card is the same');
  });

  it('stores nothing and posts nothing to the channels', async () => {
    await h.addPerson(englishUser, ['myynti']);
    const count = async () => (await Promise.all(recordKinds.map((k) => h.app.store.records.list(k)))).reduce((n, list) => n + list.length, 0);
    const records = await count();
    const channelPosts = () => h.connector.posted(GENERAL.id).length + h.connector.posted(MYYNTI.id).length;
    const posts = channelPosts();
    const { card, activityId } = await ask(salesManager, 'asiakas tam');
    await click(salesManager, activityId, buttons(card)[0]!);
    await ask(salesManager, 'asiakas länsi-uusimaa');
    await ask(englishUser, 'customer Vantta');
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(await count(), records);
    assert.deepEqual(await h.app.store.outbox.list(), []);
    assert.equal(channelPosts(), posts);
  });
});

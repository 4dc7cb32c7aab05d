import assert from 'node:assert/strict';
import { localDate } from '../../src/domain/dates.js';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, executeAction, executeActionsOf, inputsOf, textsOf, type Json } from '../support/cards.js';
import { recordPlaces } from '../support/place-form.js';
import { cardsIn, choice, openForm, savedText, submitForm, type OpenForm } from '../support/record-form-session.js';
import { assertValidCard } from '../support/adaptive-cards.js';
import {
  businessDirector,
  GENERAL,
  homeDirector,
  installedInTeam,
  MYYNTI,
  personalConversationId,
  personalMessage,
  regionalDirector,
  salesManager,
  type TeamsUser,
} from '../support/teams-activities.js';

/**
 * Issue 11, "See, correct and withdraw what you recorded": a saved form becomes its receipt; `omat` lists your
 * entries with Muokkaa and Peru; an edit updates the posted cards in place, a withdrawal makes them say
 * "peruttu" and takes the entry out of every view; a stale edit, a late withdrawal and someone else's entry
 * are refused with the typed values kept.
 */
describe('omat: see, correct and withdraw what you recorded (protocol)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, regionalDirector));
  });
  afterEach(async () => {
    await h.stop();
  });

  const visitValues = (card: Json, overrides: Json = {}): Json => ({
    customerId: choice(card, 'customerId', /^Länsi-Uudenmaan/),
    careHomeId: choice(card, 'careHomeId', /^Koivukoti/),
    date: '2026-11-20',
    participants: 'Valvoja Espoosta, Kaisa Kotijohtaja',
    findings: 'Lääkehoitosuunnitelma päivitettävä.',
    specialMention: 'false',
    ...overrides,
  });

  /** Logs a visit as the regional director and waits for its cards in both channels. */
  async function loggedVisit(): Promise<{ form: OpenForm; receipt: Json; visitId: string }> {
    const { form } = await openForm(h, regionalDirector, 'käynti');
    const [answer] = await submitForm(h, form, visitValues(form.card));
    await eventually(() => cardsIn(h, GENERAL.id)[0]);
    await eventually(() => cardsIn(h, MYYNTI.id)[0]);
    const [visit] = await h.app.store.records.list('supervisionVisit');
    return { form, receipt: cardOf(answer)!, visitId: visit!.id };
  }

  /** `omat` as typed in the personal chat: the list card. */
  async function mine(user: TeamsUser = regionalDirector): Promise<{ card: Json; activityId: string }> {
    const me = personalConversationId(user);
    const before = h.connector.posted(me).length;
    await h.post(personalMessage(h.connector.url, user, user.locale === 'en-US' ? 'mine' : 'omat'));
    const call = h.connector.posted(me)[before]!;
    return { card: cardOf(call)!, activityId: call.activityIdAssigned! };
  }

  const press = (user: TeamsUser, on: { activityId: string }, action: { verb: string; data: Json }, inputs: Json = {}) => h.execute(user, on.activityId, action, inputs);

  it('turns a saved form into its receipt: what was saved, Muokkaa (prefilled, edit mode) and Kirjaa uusi (a fresh form)', async () => {
    const me = personalConversationId(regionalDirector);
    const { form, receipt, visitId } = await loggedVisit();
    assert.match(savedText({ method: 'POST', conversationId: me, body: { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: receipt }] }, status: 200, at: 0 }), /^Tallennettu: valvontakäynti 20\.11\.2026, Koivukoti \(Länsi-Uudenmaan hyvinvointialue\)/);
    assert.equal(inputsOf(receipt).size, 0, 'a receipt has no inputs to press again');
    assert.equal(h.connector.posted(me).length, 1, 'the receipt replaced the form: only the form was ever posted to the chat');
    assertValidCard(receipt);

    const edit = await press(regionalDirector, form, executeAction(receipt, 'mine.edit', 'Muokkaa'));
    assert.match(textsOf(edit.card).join('\n'), /Muokkaat tallennettua kirjausta/);
    assert.equal(inputsOf(edit.card).get('findings')!.value, 'Lääkehoitosuunnitelma päivitettävä.');
    assert.equal(inputsOf(edit.card).get('careHomeId')!.value, choice(form.card, 'careHomeId', /^Koivukoti/));
    const save = executeAction(edit.card, 'visit.submit', 'Tallenna muutokset');
    assert.equal(save.data.recordId, visitId);
    assert.equal(save.data.expectedVersion, '1');

    const fresh = await press(regionalDirector, form, executeAction(receipt, 'mine.new', 'Kirjaa uusi'));
    const freshSave = executeAction(fresh.card, 'visit.submit', 'Tallenna');
    assert.equal(freshSave.data.recordId, undefined);
    assert.notEqual(freshSave.data.requestId, executeAction(form.card, 'visit.submit').data.requestId, 'a fresh form makes a new request');
    assert.equal(inputsOf(fresh.card).get('findings')!.value, undefined);
    assert.equal(h.connector.posted(me).length, 1, 'nothing was posted to the chat');
  });

  it('lists your entries with Muokkaa and Peru; an edit updates the posted cards in place', async () => {
    const { visitId } = await loggedVisit();
    const managementCard = cardsIn(h, GENERAL.id)[0]!;
    const salesCard = cardsIn(h, MYYNTI.id)[0]!;
    const list = await mine();
    assertValidCard(list.card);
    const texts = textsOf(list.card).join('\n');
    assert.match(texts, /Omat kirjaukset/);
    assert.match(texts, /Valvontakäynti 20\.11\.2026/);
    assert.match(texts, /Koivukoti · Länsi-Uudenmaan hyvinvointialue/);
    assert.deepEqual(executeActionsOf(list.card).map((a) => `${a.verb} ${a.title}`), ['mine.edit Muokkaa', 'mine.withdraw Peru']);

    const form = await press(regionalDirector, list, executeAction(list.card, 'mine.edit'));
    assert.equal(inputsOf(form.card).get('participants')!.value, 'Valvoja Espoosta, Kaisa Kotijohtaja');
    const saved = await press(regionalDirector, list, executeAction(form.card, 'visit.submit'), { ...visitValues(form.card!), findings: 'Lääkehoitosuunnitelma päivitetty 25.11.' });
    assert.match(textsOf(saved.card).join('\n'), /Muutokset tallennettu/);

    const [visit, ...more] = await h.app.store.records.list('supervisionVisit');
    assert.equal(more.length, 0, 'the edit changed the visit, it did not add one');
    assert.equal(visit!.id, visitId);
    assert.equal(visit!.version, 2);
    assert.equal(visit!.findings, 'Lääkehoitosuunnitelma päivitetty 25.11.');
    assert.equal(visit!.recordedBy.name, 'Jukka Järvinen');

    for (const [channel, posted] of [[GENERAL.id, managementCard], [MYYNTI.id, salesCard]] as const) {
      const put = await eventually(() => h.connector.updates(channel).find((u) => u.activityId === posted.activityIdAssigned));
      const text = textsOf(cardOf(put)).join('\n');
      assert.match(text, /Lääkehoitosuunnitelma päivitetty 25\.11\./);
      assert.doesNotMatch(text, /päivitettävä/);
      assert.match(text, /Muokkasi Jukka Järvinen/);
    }
    assert.equal(cardsIn(h, GENERAL.id).length + cardsIn(h, MYYNTI.id).length, 2, 'updated in place, nothing posted anew');

    const audit = await h.app.store.audit.list({ kind: 'supervisionVisit', recordId: visitId });
    assert.deepEqual(audit.map((e) => e.action), ['update', 'create']);
    assert.deepEqual(audit[0]!.changes.map((c) => c.field), ['findings']);
    assert.equal(audit[0]!.by.name, 'Jukka Järvinen');
  });

  it('answers an edit made on a stale version with the form, the typed values and "X muutti tätä ensin"', async () => {
    await h.post(installedInTeam(h.connector.url, businessDirector));
    await loggedVisit();
    const mineOf = await mine();
    const first = await press(regionalDirector, mineOf, executeAction(mineOf.card, 'mine.edit'));
    const second = await press(regionalDirector, mineOf, executeAction(mineOf.card, 'mine.edit'));
    // The business director corrects it meanwhile (their role may correct others' entries).
    const theirs = await h.execute(businessDirector, mineOf.activityId, executeAction(first.card, 'visit.submit'), { ...visitValues(first.card!), participants: 'Valvoja Espoosta' });
    assert.match(textsOf(theirs.card).join('\n'), /Tallennettu/);

    const stale = await press(regionalDirector, mineOf, executeAction(second.card, 'visit.submit'), { ...visitValues(second.card!), findings: 'Oma korjaus' });
    const texts = textsOf(stale.card).join('\n');
    assert.match(texts, /Aino Virtanen muutti tätä ensin/);
    assert.equal(inputsOf(stale.card).get('findings')!.value, 'Oma korjaus', 'the typed values are kept');
    assert.equal((await h.app.store.records.list('supervisionVisit'))[0]!.participants, 'Valvoja Espoosta');
    // Saved again after seeing it: over the version that won.
    const again = executeAction(stale.card, 'visit.submit');
    assert.equal(again.data.expectedVersion, '2');
    const saved = await press(regionalDirector, mineOf, again, { ...visitValues(stale.card!), participants: 'Valvoja Espoosta', findings: 'Oma korjaus' });
    assert.match(textsOf(saved.card).join('\n'), /Muutokset tallennettu/);
    assert.equal((await h.app.store.records.list('supervisionVisit'))[0]!.findings, 'Oma korjaus');
  });

  it('withdraws after a confirmation: the posted cards say "peruttu", the entry leaves the views and counts, the audit keeps it', async () => {
    const { visitId } = await loggedVisit();
    const customerId = (await h.app.store.records.list('supervisionVisit'))[0]!.customerId;
    const today = localDate(h.clock.now());
    assert.equal((await h.app.store.queries.latestEntries(customerId, today, 10)).length, 1);
    assert.equal(await h.app.store.queries.countEntries('2026-11-16', '2026-11-23'), 1);

    const list = await mine();
    const confirm = await press(regionalDirector, list, executeAction(list.card, 'mine.withdraw', 'Peru'));
    assert.match(textsOf(confirm.card).join('\n'), /Perutaanko kirjaus\?/);
    assertValidCard(confirm.card);
    assert.ok((await h.app.store.records.get('supervisionVisit', visitId))!.withdrawnAt === undefined, 'nothing happens before the confirmation');
    const done = await press(regionalDirector, list, executeAction(confirm.card, 'mine.withdrawConfirm', 'Peru kirjaus'));
    const doneText = textsOf(done.card).join('\n');
    assert.match(doneText, /Peruttu: Valvontakäynti 20\.11\.2026/);
    assert.match(doneText, /Sinulla ei ole vielä kirjauksia/);

    const stored = (await h.app.store.records.get('supervisionVisit', visitId))!;
    assert.equal(stored.withdrawnBy?.name, 'Jukka Järvinen');
    for (const channel of [GENERAL.id, MYYNTI.id]) {
      const posted = cardsIn(h, channel)[0]!;
      const put = await eventually(() => h.connector.updates(channel).find((u) => u.activityId === posted.activityIdAssigned));
      const text = textsOf(cardOf(put)).join('\n');
      assert.match(text, /Valvontakäynti 20\.11\.2026 – peruttu/);
      assert.match(text, /Perui Jukka Järvinen/);
      assert.doesNotMatch(text, /Lääkehoitosuunnitelma/, 'a withdrawn card no longer shows what the entry said');
    }
    assert.equal((await h.app.store.queries.latestEntries(customerId, today, 10)).length, 0, 'gone from the customer card');
    assert.equal((await h.app.store.queries.lastEntryDates(today)).has(customerId), false);
    assert.equal(await h.app.store.queries.countEntries('2026-11-16', '2026-11-23'), 0, 'gone from the digest counts');
    const audit = await h.app.store.audit.list({ kind: 'supervisionVisit', recordId: visitId });
    assert.deepEqual(audit.map((e) => e.action), ['update', 'create']);
    assert.ok(audit[0]!.changes.some((c) => c.field === 'withdrawnAt'));

    // `historia` says it was withdrawn, by whom.
    const me = personalConversationId(regionalDirector);
    const before = h.connector.posted(me).length;
    await h.post(personalMessage(h.connector.url, regionalDirector, 'historia Länsi-Uudenmaan hyvinvointialue'));
    const history = textsOf(cardOf(h.connector.posted(me)[before])).join('\n');
    assert.match(history, /Peruttu/);
    assert.match(history, /Jukka Järvinen/);

    // Pressing the confirmation again withdraws nothing twice.
    const twice = await press(regionalDirector, list, executeAction(confirm.card, 'mine.withdrawConfirm'));
    assert.match(textsOf(twice.card).join('\n'), /jo peruttu/);
  });

  /** `paikat` as the home director types it: the free places of their home. */
  async function placesCard(): Promise<Json | undefined> {
    const me = personalConversationId(homeDirector);
    const before = h.connector.posted(me).length;
    await h.post(personalMessage(h.connector.url, homeDirector, 'paikat'));
    return cardOf(h.connector.posted(me)[before]);
  }

  it('a withdrawn place leaves paikat and the place counts', async () => {
    await h.post(installedInTeam(h.connector.url, homeDirector));
    const today = localDate(h.clock.now());
    const open = async () => (await h.app.store.queries.openPlaces({ today, limit: 100 })).total;
    const counted = async () => (await h.app.store.queries.placeCounts(today)).reduce((n, c) => n + c.count, 0);
    const [openBefore, countedBefore] = [await open(), await counted()];
    await recordPlaces(h, ['A 12']);
    assert.equal(await open(), openBefore + 1);
    assert.match(textsOf(await placesCard()).join('\n'), /A 12/);
    const list = await mine(homeDirector);
    assert.match(textsOf(list.card).join('\n'), /Vapaa paikka/);
    assert.deepEqual(executeActionsOf(list.card).map((a) => a.verb), ['mine.edit', 'mine.withdraw']);
    const confirm = await press(homeDirector, list, executeAction(list.card, 'mine.withdraw'));
    await press(homeDirector, list, executeAction(confirm.card, 'mine.withdrawConfirm'));
    assert.equal(await open(), openBefore);
    assert.equal(await counted(), countedBefore);
    assert.doesNotMatch(textsOf(await placesCard()).join('\n'), /A 12/);
    // Recorded free again (it was a mistake to withdraw it): back in the views.
    await recordPlaces(h, ['A 12']);
    assert.equal(await open(), openBefore + 1);
    assert.equal((await h.app.store.records.list('place')).filter((p) => p.label === 'A 12').length, 1, 'the same place, not a second one');
  });

  it('corrects a freed place: the same form prefilled, the place card in the sales channel updates in place', async () => {
    await h.post(installedInTeam(h.connector.url, homeDirector));
    await recordPlaces(h, ['A 12']);
    const posted = await eventually(() => cardsIn(h, MYYNTI.id).find((c) => /A 12/.test(textsOf(cardOf(c)).join('\n'))));
    const list = await mine(homeDirector);
    const form = await press(homeDirector, list, executeAction(list.card, 'mine.edit'));
    assert.equal(inputsOf(form.card).get('label')!.value, 'A 12');
    const values = Object.fromEntries([...inputsOf(form.card)].map(([id, input]) => [id, input.value]));
    const saved = await press(homeDirector, list, executeAction(form.card, 'mine.savePlace'), { ...values, note: 'Vapautuu remontin jälkeen' });
    assert.match(textsOf(saved.card).join('\n'), /Tallennettu[\s\S]*Muutokset tallennettu/);
    const put = await eventually(() => h.connector.updates(MYYNTI.id).find((u) => u.activityId === posted.activityIdAssigned));
    assert.match(textsOf(cardOf(put)).join('\n'), /Vapautuu remontin jälkeen/);
    const places = (await h.app.store.records.list('place')).filter((p) => p.label === 'A 12');
    assert.equal(places.length, 1);
    assert.equal(places[0]!.note, 'Vapautuu remontin jälkeen');
    // Another label would be another place: refused on the form.
    const again = await press(homeDirector, list, executeAction(list.card, 'mine.edit'));
    const other = await press(homeDirector, list, executeAction(again.card, 'mine.savePlace'), { ...values, label: 'B 7' });
    assert.match(textsOf(other.card).join('\n'), /Paikan tunnusta ja palvelutaloa ei voi muuttaa/);
  });

  it('corrects a complaint: the cards posted for it update in place, sales still without the free text', async () => {
    await h.post(installedInTeam(h.connector.url, homeDirector));
    const { form } = await openForm(h, homeDirector, 'reklamaatio');
    await submitForm(h, form, {
      customerId: choice(form.card, 'customerId', /^Länsi-Uudenmaan/),
      careHomeId: choice(form.card, 'careHomeId', /^Koivukoti/),
      receivedDate: '2026-11-23',
      channel: 'puhelin',
      matter: 'Vastaus viipyi viikon.',
      severity: 'kohtalainen',
    });
    const complaintCard = (channel: string) => eventually(() => cardsIn(h, channel).find((c) => /Vastaus viipyi|Länsi-Uudenmaan hyvinvointialue/.test(textsOf(cardOf(c)).join('\n'))));
    const management = await complaintCard(GENERAL.id);
    const sales = await complaintCard(MYYNTI.id);
    const list = await mine(homeDirector);
    assert.match(textsOf(list.card).join('\n'), /Reklamaatio 23\.11\.2026/);
    const edit = await press(homeDirector, list, executeAction(list.card, 'mine.edit'));
    assert.equal(inputsOf(edit.card).get('matter')!.value, 'Vastaus viipyi viikon.');
    const values = Object.fromEntries([...inputsOf(edit.card)].map(([id, input]) => [id, input.value]));
    const saved = await press(homeDirector, list, executeAction(edit.card, 'mine.saveComplaint'), { ...values, matter: 'Vastaus viipyi kaksi viikkoa.' });
    assert.match(textsOf(saved.card).join('\n'), /Muutokset tallennettu/);
    const fullPut = await eventually(() => h.connector.updates(GENERAL.id).find((u) => u.activityId === management.activityIdAssigned));
    assert.match(textsOf(cardOf(fullPut)).join('\n'), /Vastaus viipyi kaksi viikkoa\./);
    const summaryPut = await eventually(() => h.connector.updates(MYYNTI.id).find((u) => u.activityId === sales.activityIdAssigned));
    assert.doesNotMatch(textsOf(cardOf(summaryPut)).join('\n'), /Vastaus viipyi/);
    const [complaint] = await h.app.store.records.list('complaint');
    assert.equal(complaint!.status, 'vastaanotettu');
    assert.equal(complaint!.version, 2);
  });

  it('refuses a withdrawal after the window politely, and someone else\'s entry to anyone but the roles allowed', async () => {
    await h.post(installedInTeam(h.connector.url, salesManager));
    await loggedVisit();
    const list = await mine();
    const withdraw = executeAction(list.card, 'mine.withdraw');
    const edit = executeAction(list.card, 'mine.edit');

    const notYours = await h.execute(salesManager, list.activityId, withdraw);
    assert.match(textsOf(notYours.card).join('\n'), /Vain kirjauksen tekijä voi muokata tai perua sen/);
    const notYoursEdit = await h.execute(salesManager, list.activityId, edit);
    assert.match(textsOf(notYoursEdit.card).join('\n'), /Vain kirjauksen tekijä/);

    h.clock.advance(49 * 3_600_000);
    const confirm = await press(regionalDirector, list, withdraw);
    const late = await press(regionalDirector, list, executeAction(confirm.card, 'mine.withdrawConfirm'));
    assert.match(textsOf(late.card).join('\n'), /Kirjauksen voi perua vain 48 tunnin ajan sen tekemisestä\. Voit yhä muokata sitä\./);
    assert.equal((await h.app.store.records.list('supervisionVisit'))[0]!.withdrawnAt, undefined);
    // The author may still correct it.
    const form = await press(regionalDirector, list, edit);
    assert.ok(inputsOf(form.card).has('findings'));
  });

  it('answers in English to an English-locale user, every card valid', async () => {
    const { englishUser } = await import('../support/teams-activities.js');
    await h.addPerson(englishUser, ['liiketoimintajohtaja']);
    const { form } = await openForm(h, englishUser, 'visit');
    const [answer] = await submitForm(h, form, visitValues(form.card));
    assert.match(savedText(answer!), /^Saved: /);
    const list = await mine(englishUser);
    assert.match(textsOf(list.card).join('\n'), /My entries[\s\S]*Supervision visit/);
    assert.deepEqual(executeActionsOf(list.card).map((a) => a.title), ['Edit', 'Withdraw']);
    const confirm = await press(englishUser, list, executeAction(list.card, 'mine.withdraw'));
    assertValidCard(confirm.card);
    const done = await press(englishUser, list, executeAction(confirm.card, 'mine.withdrawConfirm'));
    assert.match(textsOf(done.card).join('\n'), /Withdrawn: Supervision visit/);
  });
});

import assert from 'node:assert/strict';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { choice, openForm as openRecordForm, submitForm, type OpenForm } from '../support/record-form-session.js';
import { cardOf, inputsOf, submitDataOf, textsOf, visibleText, type ExecuteAnswer, type Json } from '../support/cards.js';
import type { RecordedCall } from '../support/connector-double.js';
import {
  cardSubmit,
  englishUser,
  GENERAL,
  homeDirector,
  installedInTeam,
  MYYNTI,
  personalConversationId,
  personalMessage,
  qualityManager,
  regionalDirector,
  salesManager,
  type TeamsUser,
} from '../support/teams-activities.js';

/**
 * `reklamaatio`: a complaint goes in full to management (General in local mode) and to the quality
 * manager's own chat, and as a summary without free text to sales; its handling steps are taken on the
 * card itself and every posted card updates in place (thesis 4.4.3, DOMAIN.md "Who is told what").
 */
const MATTER = 'Lääkehoidon kirjaukset puutteellisia marraskuussa';
const ACTIONS = 'Kirjauskoulutus koko henkilöstölle';
const REPLY = 'Kirjallinen vastaus: kirjaukset tarkistetaan viikoittain';
const QM_CHAT = personalConversationId(qualityManager);

describe('recording a complaint (protocol)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
    // The quality manager has talked to the bot, so her personal chat can be reached.
    await h.post(personalMessage(h.connector.url, qualityManager, 'ohje'));
  });
  afterEach(async () => {
    await h.stop();
  });

  const openForm = async (user: TeamsUser = homeDirector) => (await openRecordForm(h, user, user.locale === 'en-US' ? 'complaint' : 'reklamaatio')).form;
  const submit = (form: OpenForm, values: Json): Promise<RecordedCall[]> => submitForm(h, form, values);

  const valid = (card: Json, overrides: Json = {}): Json => ({
    customerId: choice(card, 'customerId', /^Länsi-Uudenmaan/),
    careHomeId: choice(card, 'careHomeId', /^Koivukoti/),
    receivedDate: '2026-11-23',
    channel: 'puhelin',
    matter: MATTER,
    severity: 'kohtalainen',
    ...overrides,
  });

  /** Complaint cards (not forms, not help) wherever they were posted. */
  const complaintCards = () => h.connector.posted().filter((c) => /^(Reklamaatio|Complaint): /.test(textsOf(cardOf(c))[0] ?? ''));

  it('offers the form: municipality, home, received date (today, not later), channel, matter with the privacy reminders, severity', async () => {
    const { card } = await openForm();
    assert.deepEqual([...inputsOf(card).keys()], ['customerId', 'careHomeId', 'receivedDate', 'channel', 'matter', 'severity']);
    const text = textsOf(card).join('\n');
    assert.match(text, /⚠ Kuvaa tapahtunut ja puute, älä asukasta: ei nimiä/);
    assert.doesNotMatch(text, /Älä kirjaa asukkaiden nimiä/, 'one privacy reminder, not two in a row');
    assert.equal(inputsOf(card).get('receivedDate')!.value, '2026-11-23');
    assert.equal(inputsOf(card).get('receivedDate')!.max, '2026-11-23');
    assert.equal(inputsOf(card).get('matter')!.isMultiline, true);
    assert.equal(submitDataOf(card)!.action, 'complaint.submit');
    const aliased = await (async () => {
      const before = h.connector.posted(personalConversationId(homeDirector)).length;
      await h.post(personalMessage(h.connector.url, homeDirector, 'asiakasreklamaatio'));
      return cardOf(h.connector.posted(personalConversationId(homeDirector))[before]);
    })();
    assert.equal(textsOf(aliased)[0], 'Asiakasreklamaatio');
  });

  it('stores the complaint and posts it in full to management and the quality manager, as a summary to sales, nowhere else', async () => {
    const form = await openForm();
    const replies = await submit(form, valid(form.card));
    assert.match(visibleText(replies[0]!), /Tallennettu: reklamaatio, Koivukoti \(Länsi-Uudenmaan hyvinvointialue\), kohtalainen\. Korjaavat toimenpiteet on sovittava viimeistään 28\.11\.2026/);
    const [complaint, ...others] = await h.app.store.records.list('complaint');
    assert.equal(others.length, 0);
    assert.equal(complaint!.status, 'vastaanotettu');
    assert.equal(complaint!.recordedBy.name, 'Kaisa Kotijohtaja');
    assert.equal(complaint!.nextStepDue, '2026-11-28', 'moderate: five days to agree corrective actions');

    const management = await eventually(() => complaintCards().find((c) => c.conversationId === GENERAL.id));
    const quality = await eventually(() => complaintCards().find((c) => c.conversationId === QM_CHAT));
    const sales = await eventually(() => complaintCards().find((c) => c.conversationId === MYYNTI.id));
    for (const call of [management, quality]) {
      const text = textsOf(cardOf(call)).join('\n');
      assert.match(text, /^Reklamaatio: Koivukoti/);
      assert.ok(text.includes(MATTER), 'the full card shows the matter');
      assert.match(text, /Toimenpiteet sovittava: 28\.11\.2026/);
      assert.match(text, /Vastaanotettu: Kaisa Kotijohtaja/);
    }
    const summary = textsOf(cardOf(sales)).join('\n');
    for (const fact of [/Asiakas: Länsi-Uudenmaan hyvinvointialue/, /Palvelutalo: Koivukoti/, /Vakavuus: Kohtalainen/, /Vastaanotettu: 23\.11\.2026/, /Tila: Vastaanotettu/]) assert.match(summary, fact);
    assert.ok(!JSON.stringify(sales.body).includes(MATTER), 'no free text in the sales channel');

    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(complaintCards().map((c) => c.conversationId).sort(), [GENERAL.id, MYYNTI.id, QM_CHAT].sort(), 'one card in each, and nowhere else');
    const otherCards = h.connector.posted().filter((c) => cardOf(c) && ![GENERAL.id, MYYNTI.id, QM_CHAT, personalConversationId(homeDirector)].includes(c.conversationId));
    assert.deepEqual(otherCards, []);
    assert.equal(h.connector.posted(personalConversationId(homeDirector)).filter((c) => cardOf(c)).length, 1, 'the recorder got only the form');
  });

  it('brings the form back with messages and typed values; nothing stored or posted', async () => {
    const form = await openForm();
    const replies = await submit(form, valid(form.card, { matter: '', receivedDate: '2026-11-24', severity: 'vakava', channel: 'kirje' }));
    const card = cardOf(replies[0])!;
    const texts = textsOf(card);
    assert.ok(texts.includes('⚠ Tarkista merkityt kentät.'));
    assert.ok(texts.includes('Pakollinen tieto puuttuu.'));
    assert.ok(texts.includes('Vastaanottopäivä ei voi olla tulevaisuudessa.'));
    assert.equal(inputsOf(card).get('severity')!.value, 'vakava');
    assert.equal(inputsOf(card).get('channel')!.value, 'kirje');
    assert.equal(inputsOf(card).get('receivedDate')!.value, '2026-11-24');
    assert.equal(submitDataOf(card)!.requestId, submitDataOf(form.card)!.requestId, 'the same request: a later valid submit stores once');
    assert.equal((await h.app.store.records.list('complaint')).length, 0);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(complaintCards(), []);
  });

  it('refuses a personal identity code in the matter', async () => {
    const form = await openForm();
    const replies = await submit(form, valid(form.card, { matter: 'Asukas 131052-308T ei saanut lääkkeitään' }));
    const card = cardOf(replies[0])!;
    assert.ok(textsOf(card).includes('Älä kirjaa henkilötunnuksia.'));
    assert.equal(inputsOf(card).get('matter')!.value, 'Asukas 131052-308T ei saanut lääkkeitään', 'kept, so the user can fix it');
    assert.equal((await h.app.store.records.list('complaint')).length, 0);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(complaintCards(), []);
  });

  it('stores one complaint when the same form is submitted twice', async () => {
    const form = await openForm();
    await submit(form, valid(form.card));
    const again = await submit(form, valid(form.card));
    assert.match(visibleText(again[0]!), /Tämä reklamaatio on jo tallennettu/);
    assert.equal((await h.app.store.records.list('complaint')).length, 1);
  });

  it('answers in English to an English-locale user', async () => {
    await h.addPerson(englishUser, ['liiketoimintajohtaja']);
    const form = await openForm(englishUser);
    const texts = textsOf(form.card);
    assert.equal(texts[0], 'Customer complaint');
    assert.ok(texts.includes('⚠ Describe what happened and what was lacking, not the resident: no names, identity codes or health details.'));
    const replies = await submit(form, valid(form.card, { customerId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' }));
    assert.ok(textsOf(cardOf(replies[0])).includes('Choose a customer from the list.'));
    assert.equal((await h.app.store.records.list('complaint')).length, 0);
  });
});

describe('handling a complaint on its card (protocol)', () => {
  let h: BotHarness;
  /** The three cards posted for the complaint: management, the quality manager, sales. */
  let posted: { management: RecordedCall; quality: RecordedCall; sales: RecordedCall };

  beforeEach(async () => {
    answers = [];
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
    await h.post(personalMessage(h.connector.url, qualityManager, 'ohje'));
    const me = personalConversationId(homeDirector);
    await h.post(personalMessage(h.connector.url, homeDirector, 'reklamaatio'));
    const formCall = h.connector.posted(me).at(-1)!;
    const form = cardOf(formCall)!;
    const pick = (id: string, title: RegExp) => (inputsOf(form).get(id)!.choices as { title: string; value: string }[]).find((c) => title.test(c.title))!.value;
    await h.post(
      cardSubmit(h.connector.url, homeDirector, formCall.activityIdAssigned!, {
        ...submitDataOf(form),
        customerId: pick('customerId', /^Länsi-Uudenmaan/),
        careHomeId: pick('careHomeId', /^Koivukoti/),
        receivedDate: '2026-11-22',
        channel: 'sahkoposti',
        matter: MATTER,
        severity: 'vakava',
      }),
    );
    const cardIn = (conversationId: string) => eventually(() => h.connector.posted(conversationId).find((c) => /^Reklamaatio: /.test(textsOf(cardOf(c))[0] ?? '')));
    posted = { management: await cardIn(GENERAL.id), quality: await cardIn(QM_CHAT), sales: await cardIn(MYYNTI.id) };
  });
  afterEach(async () => {
    await h.stop();
  });

  const stored = async () => (await h.app.store.records.list('complaint'))[0]!;

  /** What a conversation's card shows now: its latest update, or the card as posted. */
  const current = (call: RecordedCall): Json => cardOf(h.connector.updates(call.conversationId).filter((u) => u.activityId === call.activityIdAssigned).at(-1) ?? call)!;

  /** The card's one action: the step it offers, the inputs the step needs, the submit's data. */
  function nextAction(card: Json): { title: string; inputs: string[]; data: Json } {
    const actions = card.actions as Json[] | undefined;
    assert.equal(actions?.length, 1, 'the card offers exactly one action');
    const show = actions![0]!;
    assert.equal(show.type, 'Action.ShowCard');
    const sub = show.card as Json;
    return { title: String(show.title), inputs: [...inputsOf(sub).keys()], data: (sub.actions as Json[])[0]!.data as Json };
  }

  /** The person's answers to their presses, newest last: what they saw (the invoke responses). */
  let answers: ExecuteAnswer[] = [];
  /** The first line of the newest answer: the notice on top of the card the person sees. */
  const lastNotice = () => textsOf(answers.at(-1)?.card)[0] ?? '';

  /** Presses the card's next step (Action.Execute) as `user`, with what they typed; the answer is theirs. */
  async function step(user: TeamsUser, values: Json = {}, from: RecordedCall = posted.management) {
    const { data } = nextAction(current(from));
    const answer = await h.execute(user, from.activityIdAssigned!, { verb: 'complaint.advance', data }, values, from === posted.management ? { channel: GENERAL } : {});
    assert.equal(answer.status, 200);
    answers.push(answer);
    return answer;
  }

  const threadReplies = () => h.connector.posted().filter((c) => c.conversationId.startsWith(`${GENERAL.id};messageid=`)).map(visibleText);
  const conversations = () => [posted.management, posted.quality, posted.sales];

  /** Waits until each posted card has been updated `n` times; returns the latest cards. */
  async function updatedTimes(n: number) {
    for (const call of conversations()) {
      await eventually(() => h.connector.updates(call.conversationId).filter((u) => u.activityId === call.activityIdAssigned).length >= n || undefined);
    }
    return { management: current(posted.management), quality: current(posted.quality), sales: current(posted.sales) };
  }

  function assertSummaryHasNoFreeText(sales: Json) {
    const wire = JSON.stringify(sales);
    for (const secret of [MATTER, ACTIONS, REPLY]) assert.ok(!wire.includes(secret), `the sales summary has no "${secret}"`);
    assert.equal(sales.actions, undefined);
  }

  it('takes every step from the card; each one updates the three posted cards in place and posts no new card', async () => {
    const first = nextAction(current(posted.management));
    assert.equal(first.title, 'Sovi korjaavat toimenpiteet');
    assert.deepEqual(first.inputs, ['correctiveActions', 'correctionDue']);
    assert.equal((await stored()).nextStepDue, '2026-11-24', 'serious: two days from receiving');

    // 1. Corrective actions agreed, with a target date for the correction.
    await step(regionalDirector, { correctiveActions: ACTIONS, correctionDue: '2026-12-15' });
    let cards = await updatedTimes(1);
    assert.deepEqual(threadReplies(), [], 'the step was answered to the one who pressed, not in the thread');
    assert.match(lastNotice(), /Jukka Järvinen merkitsi reklamaation \(Koivukoti, Länsi-Uudenmaan hyvinvointialue\) tilaan "Toimenpiteet sovittu"\. Seuraava vaihe viimeistään 15\.12\.2026\./);
    for (const card of [cards.management, cards.quality]) {
      const text = textsOf(card).join('\n');
      assert.ok(text.includes(ACTIONS));
      assert.match(text, /Tila: Toimenpiteet sovittu/);
      assert.match(text, /Toimenpiteet sovittu: Jukka Järvinen, 23\.11\.2026/);
      assert.match(text, /Korjattava: 15\.12\.2026/);
      assert.equal(nextAction(card).title, 'Merkitse korjatuksi');
    }
    assert.match(textsOf(cards.sales).join('\n'), /Tila: Toimenpiteet sovittu/);
    assertSummaryHasNoFreeText(cards.sales);

    // 2. Corrected: the municipality is to be told within three days.
    await step(homeDirector);
    cards = await updatedTimes(2);
    assert.match(textsOf(cards.management).join('\n'), /Asiakkaalle kerrottava: 26\.11\.2026/);
    assert.deepEqual(nextAction(cards.management).inputs, ['replyText']);

    // 3. The municipality informed, with the regional director's written reply.
    await step(regionalDirector, { replyText: REPLY });
    cards = await updatedTimes(3);
    assert.ok(textsOf(cards.quality).join('\n').includes(REPLY));
    assertSummaryHasNoFreeText(cards.sales);

    // 4. Closed: nothing is due, nothing is offered.
    await step(homeDirector);
    cards = await updatedTimes(4);
    const closed = textsOf(cards.management).join('\n');
    assert.match(closed, /Reklamaatio on suljettu/);
    for (const status of ['Vastaanotettu: Kaisa Kotijohtaja', 'Toimenpiteet sovittu: Jukka Järvinen', 'Korjattu: Kaisa Kotijohtaja', 'Asiakas informoitu: Jukka Järvinen', 'Suljettu: Kaisa Kotijohtaja']) {
      assert.ok(closed.includes(status), `the history shows "${status}"`);
    }
    assert.equal(cards.management.actions, undefined);
    assert.equal(cards.quality.actions, undefined);
    assert.match(textsOf(cards.sales).join('\n'), /Tila: Suljettu/);
    assertSummaryHasNoFreeText(cards.sales);

    const complaint = await stored();
    assert.equal(complaint.status, 'suljettu');
    assert.equal(complaint.version, 5);
    assert.equal(complaint.nextStepDue, undefined);
    assert.deepEqual(
      [complaint.actionsAgreedBy?.name, complaint.correctedBy?.name, complaint.informedBy?.name, complaint.closedBy?.name],
      ['Jukka Järvinen', 'Kaisa Kotijohtaja', 'Jukka Järvinen', 'Kaisa Kotijohtaja'],
    );
    assert.ok(complaint.actionsAgreedAt && complaint.correctedAt && complaint.informedAt && complaint.closedAt);
    assert.equal(complaint.replyText, REPLY);

    // Only updates: each conversation still has its one card, and every PUT hit a card posted earlier.
    await new Promise((r) => setTimeout(r, 200));
    for (const call of conversations()) {
      assert.equal(h.connector.posted(call.conversationId).filter((c) => /^Reklamaatio: /.test(textsOf(cardOf(c))[0] ?? '')).length, 1);
      const puts = h.connector.updates(call.conversationId);
      assert.equal(puts.length, 4, `${call.conversationId}: one update per step`);
      assert.ok(puts.every((u) => u.activityId === call.activityIdAssigned));
    }
    assert.deepEqual(h.connector.updates().map((u) => u.conversationId).filter((id) => ![GENERAL.id, MYYNTI.id, QM_CHAT].includes(id)), []);
  });

  it('lets exactly one of two people agreeing actions at once win, and tells the other who was first', async () => {
    const both = await Promise.all([
      step(regionalDirector, { correctiveActions: ACTIONS, correctionDue: '2026-12-15' }),
      step(homeDirector, { correctiveActions: 'Toinen ehdotus', correctionDue: '2026-12-20' }),
    ]);
    const complaint = await stored();
    assert.equal(complaint.version, 2);
    assert.equal(complaint.status, 'toimenpiteet-sovittu');
    const winner = complaint.actionsAgreedBy!.name;
    const replies = both.map((a) => textsOf(a.card)[0] ?? '');
    assert.deepEqual(threadReplies(), []);
    assert.equal(replies.filter((r) => / merkitsi reklamaation /.test(r)).length, 1, replies.join(' | '));
    const told = replies.filter((r) => r.startsWith(`! ${winner} ehti ensin: reklamaatio (Koivukoti, Länsi-Uudenmaan hyvinvointialue) on nyt tilassa "Toimenpiteet sovittu"`));
    assert.equal(told.length, 1, `the other was told ${winner} was first: ${replies.join(' | ')}`);
    // The one who lost keeps what they typed, to use it or drop it.
    const loser = both.find((a) => (textsOf(a.card)[0] ?? '').startsWith('!'))!;
    const typed = JSON.stringify(loser.card);
    assert.ok(typed.includes(winner === 'Jukka Järvinen' ? 'Toinen ehdotus' : ACTIONS), 'the typed corrective actions are still there');
    await updatedTimes(1);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(h.connector.updates(GENERAL.id).length, 1, 'the cards were updated once');
  });

  it('moves the complaint once when the same person double-clicks', async () => {
    const both = await Promise.all([step(regionalDirector, { correctiveActions: ACTIONS, correctionDue: '2026-12-15' }), step(regionalDirector, { correctiveActions: ACTIONS, correctionDue: '2026-12-15' })]);
    assert.equal((await stored()).version, 2);
    assert.equal(both.filter((a) => /ehti ensin/.test(textsOf(a.card)[0] ?? '')).length, 0);
  });

  it('refuses a user without a complaint-handling role, naming the roles, privately; nothing changes', async () => {
    const answer = await step(salesManager, { correctiveActions: ACTIONS, correctionDue: '2026-12-15' });
    assert.equal(lastNotice(), '! Tämän voi tehdä vain: palvelutalon johtaja, vastaava hoitaja, aluejohtaja, liiketoimintajohtaja, laatupäällikkö. Mitään ei tallennettu.');
    assert.ok(!JSON.stringify(answer.card).includes(MATTER), 'sales sees the summary, not the matter');
    assert.deepEqual(threadReplies(), []);
    const complaint = await stored();
    assert.equal(complaint.version, 1);
    assert.equal(complaint.status, 'vastaanotettu');
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(h.connector.updates(), []);
  });

  it('refuses someone not in the people list, in the channel\'s language; nothing changes', async () => {
    await step(englishUser, { correctiveActions: ACTIONS, correctionDue: '2026-12-15' });
    assert.match(lastNotice(), /^Et ole HoivaCRM:n henkilölistalla/);
    assert.equal((await stored()).version, 1);
    await new Promise((r) => setTimeout(r, 200));
    assert.deepEqual(h.connector.updates(), []);
  });

  it('lets only a regional or business director give the written reply', async () => {
    await step(regionalDirector, { correctiveActions: ACTIONS, correctionDue: '2026-12-15' });
    await updatedTimes(1);
    await step(homeDirector);
    await updatedTimes(2);
    const refused = await step(homeDirector, { replyText: REPLY });
    assert.equal(lastNotice(), '! Tämän voi tehdä vain: aluejohtaja, liiketoimintajohtaja. Mitään ei tallennettu.');
    assert.equal(inputsOf(refused.card).get('replyText')?.value, REPLY, 'the typed reply is kept on the refused step');
    assert.equal((await stored()).status, 'korjattu');
    // Without a reply the home director may record that the municipality was informed.
    await step(homeDirector);
    assert.equal((await stored()).status, 'asiakas-informoitu');
    assert.equal((await stored()).replyText, undefined);
  });

  it('says which field is wrong when a step comes without what it needs; nothing changes', async () => {
    await step(regionalDirector, { correctionDue: '2026-11-20' });
    assert.equal(lastNotice(), '! Korjaavat toimenpiteet: Pakollinen tieto puuttuu. Mitään ei tallennettu.');
    await step(regionalDirector, { correctiveActions: 'Keskustelu omaisen 131052-308T kanssa', correctionDue: '2026-12-15' });
    assert.equal(lastNotice(), '! Korjaavat toimenpiteet: Älä kirjaa henkilötunnuksia. Mitään ei tallennettu.');
    assert.equal((await stored()).version, 1);
  });

  it('lets the quality manager take a step from her own chat; the answer comes there', async () => {
    await step(qualityManager, { correctiveActions: ACTIONS, correctionDue: '2026-12-15' }, posted.quality);
    const answer = lastNotice();
    assert.match(answer, /^✓ Liisa Laaksonen merkitsi reklamaation \(Koivukoti, Länsi-Uudenmaan hyvinvointialue\) tilaan "Toimenpiteet sovittu"/);
    const cards = await updatedTimes(1);
    assert.match(textsOf(cards.management).join('\n'), /Toimenpiteet sovittu: Liisa Laaksonen/);
  });
});

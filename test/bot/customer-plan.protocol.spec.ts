import assert from 'node:assert/strict';
import { encounterReminderKey } from '../../src/domain/events/plan-events.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { assertValidCard } from '../support/adaptive-cards.js';
import type { RecordedCall } from '../support/connector-double.js';
import { cardAnswering, pressPrivately } from '../support/private-press.js';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, executeAction, executeActionsOf, inputsOf, textsOf, visibleText, type Json } from '../support/cards.js';
import {
  businessDirector,
  homeDirector,
  installedInTeam,
  personalConversationId,
  personalMessage,
  regionalDirector,
  salesManager,
  type TeamsUser,
} from '../support/teams-activities.js';

/**
 * Issue 12: `suunnitelma <asiakas>` shows the year's customer plan and its annual clock; the regional director of
 * the customer's region and the business director edit it through forms answered in place (Action.Execute);
 * each planned encounter reminds its owner 30 days ahead, with a button to the meeting or contact form.
 * The harness clock starts on 2026-11-23.
 */
describe('customer plan and annual clock (protocol)', () => {
  let h: BotHarness;
  const lansiUusimaa = stableIdFor('customer:Länsi-Uudenmaan hyvinvointialue');
  const jukkaId = stableIdFor('person:00000000-0000-0000-0000-0000000000023');

  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, regionalDirector));
  });
  afterEach(async () => {
    await h.stop();
  });

  const planCard = (user: TeamsUser, typed = 'suunnitelma länsi-uusimaa') => cardAnswering(h, user, typed);
  const press = (user: TeamsUser, activityId: string, action: { verb: string; data: Json }, inputs: Json = {}) => pressPrivately(h, user, activityId, action, inputs);
  /** Draws up the 2026 plan and returns the plan card the save answered with. */
  async function drawUp(user: TeamsUser = regionalDirector): Promise<{ card: Json; activityId: string }> {
    const { card, activityId } = await planCard(user);
    const { card: form } = await press(user, activityId, executeAction(card, 'plan.edit'));
    const { card: saved } = await press(user, activityId, executeAction(form, 'plan.submit'), { goal: 'Sopimus jatkuu optiovuodella 2027', targets: 'Käyttöaste 95 %', responsibilities: 'Aluejohtaja', actions: 'Kehityskokous joulukuussa' });
    return { card: saved, activityId };
  }
  async function addEncounter(user: TeamsUser, activityId: string, card: Json, inputs: Json): Promise<Json> {
    const { card: form } = await press(user, activityId, executeAction(card, 'plan.openEncounter', 'Lisää kohtaaminen'));
    return (await press(user, activityId, executeAction(form, 'plan.saveEncounter'), inputs)).card;
  }

  it('shows a customer without a plan, then the plan drawn up and its annual clock', async () => {
    const { card } = await planCard(regionalDirector);
    assert.match(textsOf(card).join('\n'), /Asiakkuussuunnitelma 2026\nLänsi-Uudenmaan hyvinvointialue\nVuoden 2026 suunnitelmaa ei ole vielä laadittu\./);
    const { card: saved, activityId } = await drawUp();
    const text = textsOf(saved).join('\n');
    assert.match(text, /✓ Tallennettu: asiakkuussuunnitelma 2026\./);
    assert.match(JSON.stringify(saved), /"title":"Tavoite","value":"Sopimus jatkuu optiovuodella 2027"/);
    assert.match(text, /0\/0 kohtaamista pidetty/);

    const withMeeting = await addEncounter(regionalDirector, activityId, saved, { month: '12', day: '28', kind: 'kehityskokous', ownerId: jukkaId, note: 'Vuosikokous palvelujohtajan kanssa', done: 'false' });
    const strip = textsOf(withMeeting).join('\n');
    assert.match(strip, /✓ Tallennettu: Kehityskokous, 28\.12\.2026\./);
    assert.match(strip, /joulukuu\n28\.12\.2026 · Kehityskokous · Jukka Järvinen · suunniteltu/);
    assert.match(strip, /tammikuu –/, 'the twelve months, an empty one as a dash');
    assert.match(strip, /0\/1 kohtaaminen pidetty/);
    const [plan] = await h.app.store.records.list('customerPlan', { customerId: lansiUusimaa });
    assert.equal(plan!.customerId, lansiUusimaa);
    assert.equal(plan!.plannedEncounters[0]!.ownerId, jukkaId);
    assert.ok(JSON.stringify(withMeeting).length < 28_000);
  });

  it('answers bad input with the form, the typed values and a message under the bad field; nothing stored', async () => {
    const { card, activityId } = await drawUp();
    const { card: form } = await press(regionalDirector, activityId, executeAction(card, 'plan.openEncounter', 'Lisää kohtaaminen'));
    const { card: back } = await press(regionalDirector, activityId, executeAction(form, 'plan.saveEncounter'), { month: '2', day: '30', kind: 'valvontakaynti', ownerId: jukkaId, note: 'Valvontasuunnitelman mukainen käynti' });
    const text = textsOf(back).join('\n');
    assert.match(text, /Tässä kuussa päivä on enintään 28\./);
    assert.equal(inputsOf(back).get('day')!.value, '30');
    assert.equal(inputsOf(back).get('note')!.value, 'Valvontasuunnitelman mukainen käynti');
    assert.equal(inputsOf(back).get('kind')!.value, 'valvontakaynti');
    const [plan] = await h.app.store.records.list('customerPlan', { customerId: lansiUusimaa });
    assert.equal(plan!.plannedEncounters.length, 0);

    // An empty goal: the plan form again with its message.
    const { card: planForm } = await press(regionalDirector, activityId, executeAction(card, 'plan.edit'));
    const { card: planBack } = await press(regionalDirector, activityId, executeAction(planForm, 'plan.submit'), { goal: '  ', targets: 'Käyttöaste 97 %' });
    assert.match(textsOf(planBack).join('\n'), /Tarkista/);
    assert.equal(inputsOf(planBack).get('targets')!.value, 'Käyttöaste 97 %');
    assert.equal((await h.app.store.records.list('customerPlan', { customerId: lansiUusimaa }))[0]!.targets, 'Käyttöaste 95 %');
  });

  it('lets the regional director of another region, a home director and sales read the plan but not edit it', async () => {
    await drawUp();
    for (const user of [homeDirector, salesManager]) {
      await h.post(installedInTeam(h.connector.url, user));
      const { card, activityId } = await planCard(user);
      assert.deepEqual(executeActionsOf(card).filter((a) => a.verb.startsWith('plan.')), [], 'no edit buttons for a reader');
      // A forged press is refused too.
      const answer = await press(user, activityId, { verb: 'plan.edit', data: { requestId: stableIdFor('forged'), customerId: lansiUusimaa, year: '2026' } });
      assert.match(textsOf(answer.card).join('\n'), /aluejohtaja|liiketoimintajohtaja/i);
    }
    // Outside the region: Jukka (etelä-suomi) may not edit Pirkanmaa's plan; the business director may.
    const pirkanmaa = await planCard(regionalDirector, 'suunnitelma pirkanmaa');
    assert.equal(executeActionsOf(pirkanmaa.card).filter((a) => a.verb === 'plan.edit').length, 0);
    await h.post(installedInTeam(h.connector.url, businessDirector));
    const asAino = await planCard(businessDirector, 'suunnitelma pirkanmaa');
    assert.equal(executeActionsOf(asAino.card).filter((a) => a.verb === 'plan.edit').length, 1);
  });

  it('reminds the owner 30 days ahead with a button to the meeting form; saving again queues no second reminder', async () => {
    const { card, activityId } = await drawUp();
    const saved = await addEncounter(regionalDirector, activityId, card, { month: '12', day: '28', kind: 'kehityskokous', ownerId: jukkaId, note: 'Vuosikokous' });
    // Save the plan texts again and re-save the encounter unchanged: still one pending reminder.
    const { card: form } = await press(regionalDirector, activityId, executeAction(saved, 'plan.edit'));
    const again = (await press(regionalDirector, activityId, executeAction(form, 'plan.submit'), { goal: 'Sopimus jatkuu optiovuodella 2027' })).card;
    const { card: encounterForm } = await press(regionalDirector, activityId, executeAction(again, 'plan.openEncounter', 'Muokkaa'));
    await press(regionalDirector, activityId, executeAction(encounterForm, 'plan.saveEncounter'), { month: '12', day: '28', kind: 'kehityskokous', ownerId: jukkaId, note: 'Vuosikokous' });
    const [plan] = await h.app.store.records.list('customerPlan', { customerId: lansiUusimaa });
    const key = encounterReminderKey(plan!.id, plan!.plannedEncounters[0]!.id!);
    const pending = (await h.app.store.outbox.list()).filter((o) => o.recordKey === key);
    assert.equal(pending.length, 1, 'one reminder for the encounter');
    assert.equal(pending[0]!.nextAttemptAt, '2026-11-28T06:00:00.000Z', '08:00 Helsinki, 30 days before 28.12.');

    const me = personalConversationId(regionalDirector);
    const isReminder = (c: RecordedCall) => /Muistutus: Kehityskokous/.test(visibleText(c));
    h.clock.advance(Date.parse('2026-11-28T05:00:00Z') - h.clock.now().getTime());
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(h.connector.posted(me).filter(isReminder).length, 0, 'not before the day');
    h.clock.advance(Date.parse('2026-11-28T06:00:30Z') - h.clock.now().getTime());
    const reminder = await eventually(() => h.connector.posted(me).find(isReminder));
    const reminderCard = cardOf(reminder)!;
    assertValidCard(reminderCard, 'reminder');
    assert.match(textsOf(reminderCard).join('\n'), /Muistutus: Kehityskokous 28\.12\.2026/);
    const button = executeAction(reminderCard, 'meeting.new');
    assert.equal(button.data.customerId, lansiUusimaa);
    assert.equal(button.data.date, '2026-12-28');
    assert.match(String(button.data.requestId), /^[0-9a-f-]{36}$/);
    // The button turns the reminder into the kokous form for that customer and day (the meeting flow).
    const opened = await h.execute(regionalDirector, reminder.activityIdAssigned!, button);
    assert.equal(opened.status, 200);
    const inputs = inputsOf(opened.card);
    assert.equal(inputs.get('customerId')?.value, lansiUusimaa);
    assert.equal(inputs.get('date')?.value, '2026-12-28');
    assert.equal(executeAction(opened.card, 'meeting.schedule').verb, 'meeting.schedule', 'the form schedules the meeting');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(h.connector.posted(me).filter(isReminder).length, 1, 'exactly one reminder');
  });

  it('replaces the pending reminder of a changed encounter, drops a removed one, and opens the contact form for other kinds', async () => {
    const { card, activityId } = await drawUp();
    // 30.12. is more than 30 days away (a reminder on 30.11.), 20.12. less (at once).
    const saved = await addEncounter(regionalDirector, activityId, card, { month: '12', day: '30', kind: 'hintaneuvottelu', ownerId: jukkaId });
    const { card: form } = await press(regionalDirector, activityId, executeAction(saved, 'plan.openEncounter', 'Muokkaa'));
    // The reminder of the moved encounter is due at once: the outbox posts it, the save itself posts nothing.
    const moved = (await h.execute(regionalDirector, activityId, executeAction(form, 'plan.saveEncounter'), { month: '12', day: '20', kind: 'hintaneuvottelu', ownerId: jukkaId })).card!;
    const [plan] = await h.app.store.records.list('customerPlan', { customerId: lansiUusimaa });
    const key = encounterReminderKey(plan!.id, plan!.plannedEncounters[0]!.id!);
    const rows = (await h.app.store.outbox.list()).filter((o) => o.recordKey === key);
    assert.equal(rows.length, 1, 'the reminder of 30.11. was replaced');
    assert.equal(rows[0]!.nextAttemptAt.slice(0, 10) <= '2026-11-23', true, 'the new one is due at once');

    // 20.12. is less than 30 days away: the reminder is due at once, with the contact form's button.
    const me = personalConversationId(regionalDirector);
    const reminder = await eventually(() => h.connector.posted(me).find((c) => /Muistutus: Hinta- ja optiovuosineuvottelu/.test(visibleText(c))));
    const button = executeAction(cardOf(reminder), 'contactLog.open');
    const { card: contactForm } = await press(regionalDirector, reminder.activityIdAssigned!, button);
    assert.equal(inputsOf(contactForm).get('customerId')!.value, lansiUusimaa);

    // A customer event on 31.12. (reminder pending for 1.12.), then removed: its pending reminder goes with it.
    const withEvent = await addEncounter(regionalDirector, activityId, moved, { month: '12', day: '31', kind: 'asiakastilaisuus', ownerId: jukkaId });
    const [withTwo] = await h.app.store.records.list('customerPlan', { customerId: lansiUusimaa });
    const eventId = withTwo!.plannedEncounters.find((e) => e.kind === 'asiakastilaisuus')!.id!;
    const eventKey = encounterReminderKey(withTwo!.id, eventId);
    assert.equal((await h.app.store.outbox.list({ status: 'pending' })).filter((o) => o.recordKey === eventKey).length, 1);
    const editButtons = executeActionsOf(withEvent).filter((a) => a.verb === 'plan.openEncounter' && a.data.encounterId === eventId);
    const { card: form2 } = await press(regionalDirector, activityId, editButtons[0]!);
    const after = (await press(regionalDirector, activityId, executeAction(form2, 'plan.removeEncounter'))).card;
    assert.match(textsOf(after).join('\n'), /✓ Poistettu vuosikellosta: Asiakastilaisuus, 31\.12\.2026\./);
    assert.equal((await h.app.store.outbox.list()).filter((o) => o.recordKey === eventKey).length, 0, 'the pending reminder was dropped');
    assert.equal((await h.app.store.records.list('customerPlan', { customerId: lansiUusimaa }))[0]!.plannedEncounters.length, 1);
  });

  it('shows the next encounters and the status on the customer card, whose Suunnitelma opens the plan card', async () => {
    const { card, activityId } = await drawUp();
    let saved = await addEncounter(regionalDirector, activityId, card, { month: '12', day: '28', kind: 'kehityskokous', ownerId: jukkaId });
    saved = await addEncounter(regionalDirector, activityId, saved, { month: '12', kind: 'asiakastilaisuus', ownerId: jukkaId, done: 'true' });
    await h.post(personalMessage(h.connector.url, regionalDirector, 'asiakas länsi-uusimaa'));
    const customerCall = h.connector.posted(personalConversationId(regionalDirector)).at(-1)!;
    const customerCard = cardOf(customerCall)!;
    assertValidCard(customerCard, 'customer card');
    const text = textsOf(customerCard).join('\n');
    assert.match(text, /Suunnitelma 2026\n1\/2 kohtaamista pidetty\nSeuraavat kohtaamiset\n28\.12\.2026 · Kehityskokous · Jukka Järvinen/);
    const { card: planView } = await press(regionalDirector, customerCall.activityIdAssigned!, executeAction(customerCard, 'plan.show'));
    assert.match(textsOf(planView).join('\n'), /Asiakkuussuunnitelma 2026/);
    assert.match(textsOf(planView).join('\n'), /Asiakastilaisuus · Jukka Järvinen · ✓ pidetty/);
  });

  it('is valid in English too', async () => {
    await drawUp();
    const english: TeamsUser = { ...regionalDirector, locale: 'en-US' };
    const { card } = await planCard(english, 'plan länsi-uusimaa');
    assert.match(textsOf(card).join('\n'), /Customer plan 2026/);
  });
});

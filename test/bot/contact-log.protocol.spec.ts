import assert from 'node:assert/strict';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, inputsOf, submitDataOf, textsOf, visibleText, type Json } from '../support/cards.js';
import { executeAction } from '../support/cards.js';
import { savedText, submitForm } from '../support/record-form-session.js';
import { cardSubmit, GENERAL, installedInTeam, MYYNTI, personalConversationId, personalMessage, salesManager } from '../support/teams-activities.js';

/**
 * `kirjaa`: a contact log entry tells nobody at once; on the next-contact date the person who recorded
 * it gets a reminder with the topic and a button to log the contact. Time is moved, not waited for.
 */
describe('contact log entries and next-contact reminders (protocol)', () => {
  let h: BotHarness;
  const me = personalConversationId(salesManager);
  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, salesManager));
  });
  afterEach(async () => {
    await h.stop();
  });

  async function logEntry(values: Json) {
    await h.post(personalMessage(h.connector.url, salesManager, 'kirjaa'));
    const formCall = h.connector.posted(me).at(-1)!;
    const card = cardOf(formCall)!;
    const customerId = (inputsOf(card).get('customerId')!.choices as { title: string; value: string }[]).find((c) => /^Varsinais-Suomen/.test(c.title))!.value;
    // Saved with Action.Execute: the answer (receipt or form) replaces the form; nothing is posted to the chat.
    return submitForm(h, { card, activityId: formCall.activityIdAssigned!, user: salesManager }, { customerId, date: '2026-11-23', type: 'hintaneuvottelu', matter: 'Indeksikorotus 2027', ...values });
  }

  it('stores the entry, tells nobody at once, and reminds the recorder on the next-contact date', async () => {
    const replies = await logEntry({ nextContactDate: '2026-12-04', nextContactTopic: 'Korotuskirjeen vastaus' });
    assert.match(savedText(replies[0]!), /^Tallennettu: Hintaneuvottelu, Varsinais-Suomen hyvinvointialue 23\.11\.2026\. Muistutan 4\.12\.2026: Korotuskirjeen vastaus\./);
    const [entry] = await h.app.store.records.list('contactLogEntry');
    assert.equal(entry!.recordedBy.name, 'Mikko Myyntipäällikkö');

    await new Promise((r) => setTimeout(r, 200));
    const cardsSoFar = () => h.connector.posted().filter((c) => cardOf(c) && c.conversationId !== me).length;
    assert.equal(cardsSoFar(), 0, 'no channel hears of a contact log entry');
    assert.equal(replies.length, 1, 'the receipt answered the save; nothing was posted');
    assert.equal(h.connector.posted(me).length, 1, 'the form only: no reminder yet');

    // The day before at 23:00 Helsinki time: still nothing.
    h.clock.advance(Date.parse('2026-12-03T21:00:00Z') - h.clock.now().getTime());
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(h.connector.posted(me).filter((c) => /Muistutus/.test(visibleText(c))).length, 0);

    // 08:00 Helsinki on the next-contact date.
    h.clock.advance(Date.parse('2026-12-04T06:00:30Z') - h.clock.now().getTime());
    const reminder = await eventually(() => h.connector.posted(me).find((c) => /Muistutus/.test(visibleText(c))));
    const text = textsOf(cardOf(reminder)).join('\n');
    assert.match(text, /Muistutus: yhteydenotto Varsinais-Suomen hyvinvointialue/);
    assert.match(text, /Aihe: Korotuskirjeen vastaus/);
    assert.equal(h.connector.posted(MYYNTI.id).length + h.connector.posted(GENERAL.id).filter((c) => cardOf(c)).length, 0);

    // Its button (Action.Execute) turns the reminder into the log form for that customer.
    const before = h.connector.posted(me).length;
    const form = (await h.execute(salesManager, reminder.activityIdAssigned!, executeAction(cardOf(reminder), 'contactLog.open'))).card;
    assert.equal(h.connector.posted(me).length, before, 'the form replaced the reminder; nothing new in the chat');
    assert.equal(inputsOf(form).get('customerId')!.value, entry!.customerId);
    assert.equal(inputsOf(form).get('matter')!.value, 'Korotuskirjeen vastaus');
  });

  const reminders = () => h.connector.posted(me).filter((c) => /Muistutus/.test(visibleText(c)));
  const toHelsinkiMorning = async (day: string) => {
    h.clock.advance(Date.parse(`${day}T06:00:30Z`) - h.clock.now().getTime());
    await new Promise((r) => setTimeout(r, 300));
  };

  it('reminds on the new date when the entry is corrected, and not on the old one', async () => {
    const [receipt] = await logEntry({ nextContactDate: '2026-12-04', nextContactTopic: 'Korotuskirjeen vastaus' });
    const receiptCard = cardOf(receipt)!;
    const form = (await h.execute(salesManager, receipt!.activityIdAssigned ?? 'receipt', executeAction(receiptCard, 'mine.edit'))).card!;
    const typed = Object.fromEntries([...inputsOf(form)].map(([id, input]) => [id, input.value]).filter(([, v]) => v !== undefined));
    const saved = await h.execute(salesManager, 'form', executeAction(form, 'contactLog.submit'), { ...typed, nextContactDate: '2026-12-10' });
    assert.match(textsOf(saved.card).join('\n'), /Muistutan 10\.12\.2026/);
    await toHelsinkiMorning('2026-12-04');
    assert.equal(reminders().length, 0, 'the old date reminds nobody');
    await toHelsinkiMorning('2026-12-10');
    await eventually(() => reminders().length === 1 || undefined);
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(reminders().length, 1, 'one reminder, on the new date');
  });

  it('sends no reminder for a withdrawn entry', async () => {
    await logEntry({ nextContactDate: '2026-12-04', nextContactTopic: 'Korotuskirjeen vastaus' });
    const before = h.connector.posted(me).length;
    await h.post(personalMessage(h.connector.url, salesManager, 'omat'));
    const list = h.connector.posted(me)[before]!;
    const confirm = await h.execute(salesManager, list.activityIdAssigned!, executeAction(cardOf(list), 'mine.withdraw'));
    await h.execute(salesManager, list.activityIdAssigned!, executeAction(confirm.card, 'mine.withdrawConfirm'));
    assert.ok((await h.app.store.records.list('contactLogEntry'))[0]!.withdrawnAt);
    const posts = h.connector.posted(me).length;
    await toHelsinkiMorning('2026-12-04');
    assert.equal(h.connector.posted(me).length, posts, 'nothing comes on the date: no reminder, no "peruttu" card');
  });

  it('queues no reminder without a next-contact date', async () => {
    await logEntry({});
    assert.deepEqual(await h.app.store.outbox.list(), []);
  });

  it('asks for the topic when a next-contact date is given, keeping the typed values', async () => {
    const replies = await logEntry({ nextContactDate: '2026-12-04' });
    const card = cardOf(replies[0]);
    assert.ok(textsOf(card).includes('Kerro seuraavan yhteydenoton aihe.'));
    assert.equal(inputsOf(card).get('nextContactDate')!.value, '2026-12-04');
    assert.equal(inputsOf(card).get('matter')!.value, 'Indeksikorotus 2027');
    assert.equal((await h.app.store.records.list('contactLogEntry')).length, 0);
  });
});

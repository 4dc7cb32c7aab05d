import assert from 'node:assert/strict';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, inputsOf, submitDataOf, textsOf, type Json } from '../support/cards.js';
import {
  cardSubmit,
  channelCardSubmit,
  GENERAL,
  homeDirector,
  installedInTeam,
  MYYNTI,
  personalConversationId,
  personalMessage,
  qualityManager,
  regionalDirector,
} from '../support/teams-activities.js';

/**
 * A personal card for someone who has never talked to the bot waits in the outbox (Teams allows a
 * proactive message only into a conversation the bot knows). That wait must not hold back the cards
 * already posted elsewhere, and when the card finally goes out it shows the record as it is then.
 */
describe('a card waiting for a person who has not talked to the bot yet (protocol)', () => {
  let h: BotHarness;
  beforeEach(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
  });
  afterEach(async () => {
    await h.stop();
  });

  const complaintCardIn = (conversationId: string) => h.connector.posted(conversationId).find((c) => /^Reklamaatio: /.test(textsOf(cardOf(c))[0] ?? ''));

  it('updates the posted cards while the quality manager\'s card waits, then gives her the current one', async () => {
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
        channel: 'puhelin',
        matter: 'Vastaus viipyi kaksi viikkoa',
        severity: 'kohtalainen',
      }),
    );
    const management = await eventually(() => complaintCardIn(GENERAL.id));
    await eventually(() => complaintCardIn(MYYNTI.id));
    const waiting = await eventually(async () => (await h.app.store.outbox.list({ status: 'pending' })).find((r) => r.audience === 'person'));
    assert.match(waiting.lastError ?? '', /^waiting: no conversation/);

    // The regional director agrees corrective actions on the management card.
    const show = (management.body.attachments as { content: Json }[])[0]!.content.actions as Json[];
    const data = ((show[0]!.card as Json).actions as Json[])[0]!.data as Json;
    await h.post(channelCardSubmit(h.connector.url, regionalDirector, GENERAL, management.activityIdAssigned!, { ...data, correctiveActions: 'Soittokierros omaisille', correctionDue: '2026-12-10' }));
    const updated = await eventually(() => h.connector.updates(GENERAL.id).find((u) => u.activityId === management.activityIdAssigned));
    assert.match(textsOf(cardOf(updated)).join('\n'), /Tila: Toimenpiteet sovittu/);
    await eventually(() => h.connector.updates(MYYNTI.id)[0]);

    // She opens the chat with the bot for the first time: her card arrives, showing the current state.
    await h.post(personalMessage(h.connector.url, qualityManager, 'ohje'));
    const hers = await eventually(() => complaintCardIn(personalConversationId(qualityManager)));
    assert.match(textsOf(cardOf(hers)).join('\n'), /Tila: Toimenpiteet sovittu/);
  });
});

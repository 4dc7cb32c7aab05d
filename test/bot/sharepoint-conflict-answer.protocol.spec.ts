import assert from 'node:assert/strict';
import { formatDateTime } from '../../src/i18n/messages.js';
import { listDefinitionOf } from '../../src/store/sharepoint/list-schema.js';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, visibleText, walk, type Json } from '../support/cards.js';
import { openPlaceForm, submitPlaceForm, validPlaceValues } from '../support/place-form.js';
import { installedBotOn, startSharePointSite, type SharePointSite } from '../support/sharepoint-site.js';
import { channelCardSubmit, MYYNTI, salesManager } from '../support/teams-activities.js';

/**
 * Issue 10: a 412 answer says who changed the record first, when (Helsinki time), and what it is now. A
 * home director edits a place in the SharePoint list view; the next delta poll is minutes away, so the bot
 * user's write is refused with 412; the store re-reads the list before answering, and the answer names the
 * SharePoint editor — not "A1 is no longer free (free)".
 */
describe('a 412 after a SharePoint list edit: who, when, and the status now (STORE=sharepoint, protocol)', function () {
  this.timeout(30_000);
  let site: SharePointSite;
  let h: BotHarness;
  const places = listDefinitionOf('place').displayName;
  const kaisa = { id: '7b3e2c1a-0000-4000-8000-0000000000aa', displayName: 'Kaisa Kotijohtaja', email: 'kaisa@hoiva.example' };

  beforeEach(async () => {
    site = await startSharePointSite();
    h = await installedBotOn(site);
  });
  afterEach(async () => {
    await h.stop();
    await site.stop();
  });

  const editInListView = async (label: string, fields: Record<string, unknown>) => {
    const place = (await h.app.store.records.list('place', { label }))[0]!;
    const item = site.bed.bed.double.lists.items(site.siteId, places).find((i) => i.fields.HoivaId === place.id)!;
    site.bed.bed.double.lists.writeItem(site.siteId, places, fields, item.id, kaisa);
    return place;
  };

  it('recording a place free again: "Kaisa Kotijohtaja changed the place first (time). Status now: …"', async () => {
    const form = await openPlaceForm(h);
    await submitPlaceForm(h, form, validPlaceValues(form.card, { label: 'E5' }));
    const place = await editInListView('E5', { Status: 'kaytossa', FreeFrom: null });

    const again = await openPlaceForm(h);
    const replies = await submitPlaceForm(h, again, validPlaceValues(again.card, { label: 'E5', freeFrom: '2026-11-23' }));
    const text = visibleText(replies[0]!);
    const now = (await h.app.store.records.get('place', place.id))!;
    assert.equal(now.status, 'kaytossa', 'the mirror holds the person’s edit when the answer is given');
    assert.match(text, /^Kaisa Kotijohtaja muutti paikkaa E5 ensin/);
    assert.ok(text.includes(formatDateTime('fi', now.updatedAt)), `Helsinki time of the edit in: ${text}`);
    assert.match(text, /Tila nyt: käytössä/i);
  });

  it('reserving from the card after a person’s note edit: names the editor instead of "no longer free (free)"', async () => {
    const form = await openPlaceForm(h);
    await submitPlaceForm(h, form, validPlaceValues(form.card, { label: 'F6' }));
    const posted = await eventually(() => h.connector.posted(MYYNTI.id).find((c) => cardOf(c) && /F6/.test(JSON.stringify(cardOf(c)))));
    await editInListView('F6', { Note: 'Remontti ensin' });

    let submit: Json | undefined;
    let choices: { title: string; value: string }[] = [];
    walk(cardOf(posted), (n) => {
      if (n.type === 'Action.ShowCard') {
        const sub = n.card as Json;
        submit = (sub.actions as Json[])[0]!.data as Json;
        choices = (sub.body as Json[])[0]!.choices as { title: string; value: string }[];
      }
    });
    const mark = h.connector.posted().length;
    await h.post(channelCardSubmit(h.connector.url, salesManager, MYYNTI, posted.activityIdAssigned!, { ...submit, customerId: choices[0]!.value }));
    const reply = await eventually(() => h.connector.posted().slice(mark).map(visibleText).find((t) => /F6/.test(t) && !/Varaa/.test(t)));
    assert.match(reply, /Kaisa Kotijohtaja muutti paikkaa F6 ensin .*Tila nyt: /);
    assert.doesNotMatch(reply, /ei ole enää vapaana/);
  });
});

import assert from 'node:assert/strict';
import { listDefinitionOf } from '../../src/store/sharepoint/list-schema.js';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, textsOf, visibleText } from '../support/cards.js';
import { openPlaceForm, submitPlaceForm, validPlaceValues } from '../support/place-form.js';
import { installedBotOn, startSharePointSite, type SharePointSite } from '../support/sharepoint-site.js';
import { MYYNTI } from '../support/teams-activities.js';

/**
 * STORE=sharepoint end to end (issue 4): the server runs on a provisioned site of the Graph double; a home
 * director edits the places list directly in SharePoint (written straight into the double, as the list view
 * would), and the delta feed brings the edit to HoivaCRM as if it had been typed in Teams.
 */
describe('SharePoint list edits → the same cards as the bot (STORE=sharepoint, protocol)', function () {
  this.timeout(20_000);
  let site: SharePointSite;
  let h: BotHarness;
  const places = listDefinitionOf('place').displayName;

  beforeEach(async () => {
    site = await startSharePointSite();
    h = await installedBotOn(site);
  });
  afterEach(async () => {
    await h.stop();
    await site.stop();
  });

  const salesCards = () => h.connector.posted(MYYNTI.id).map((call) => textsOf(cardOf(call)).join('\n'));
  const itemIdOfHome = (name: string) => {
    const homes = site.bed.bed.double.lists.items(site.siteId, listDefinitionOf('careHome').displayName);
    return homes.find((item) => item.fields.Name === name)!.id;
  };

  it('a place created in the list view posts the freed-place card to Myynti exactly once', async () => {
    const item = site.bed.bed.double.lists.writeItem(site.siteId, places, {
      Title: 'B7',
      Label: 'B7',
      CareHomeLookupId: itemIdOfHome('Koivukoti'),
      ServiceType: 'ymparivuorokautinen',
      CustomerGroup: 'ikaantyneet',
      Status: 'vapaa',
      // A Helsinki site keeps the date 2026-11-25 as local midnight, which Graph shows in UTC.
      FreeFrom: '2026-11-24T22:00:00Z',
    }, undefined, { id: '7b3e2c1a-0000-4000-8000-000000000001', displayName: 'Kaisa Kotijohtaja', email: 'kaisa@hoiva.example' });
    await h.app.delta!.syncNow();
    const card = await eventually(() => salesCards().find((text) => /B7/.test(text)));
    assert.match(card, /Koivukoti B7/);
    assert.match(card, /Kaisa Kotijohtaja/, 'the card names the person who freed the place in the list view');

    const stored = (await h.app.store.records.list('place', { label: 'B7' }))[0];
    assert.equal(stored?.status, 'vapaa');
    assert.equal(stored?.freeFrom, '2026-11-25');
    assert.equal(stored?.statusChangedBy?.name, 'Kaisa Kotijohtaja');
    const written = site.bed.bed.double.lists.items(site.siteId, places).find((i) => i.id === item.id)!;
    assert.equal(written.fields.HoivaId, stored?.id, 'HoivaCRM wrote the record id back into the list');
    assert.equal(written.fields.HoivaVersion, stored?.version);

    const health = (await (await fetch(`${h.app.url}/healthz`)).json()) as { store: string; sharepointDelta: { lastReadAt: string | null; lastError: string | null } };
    assert.equal(health.store, 'sharepoint');
    assert.ok(health.sharepointDelta.lastReadAt, '/healthz says when the lists were last read');
    assert.equal(health.sharepointDelta.lastError, null);

    // Reading the feed again (nothing new, and our own write-back echoing) posts nothing more.
    await h.app.delta!.syncNow();
    await h.app.delta!.syncNow();
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(salesCards().filter((text) => /B7/.test(text)).length, 1);
  });

  it('a place recorded through the bot is not announced again when its own write comes back in the feed', async () => {
    const form = await openPlaceForm(h);
    await submitPlaceForm(h, form, validPlaceValues(form.card, { label: 'C3' }));
    await eventually(() => salesCards().find((text) => /C3/.test(text)));
    await h.app.delta!.syncNow();
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(salesCards().filter((text) => /C3/.test(text)).length, 1);
  });

  it('a bot update of a place someone just edited in SharePoint says who was first, then works on their edit', async () => {
    const form = await openPlaceForm(h);
    await submitPlaceForm(h, form, validPlaceValues(form.card, { label: 'D4' }));
    const place = (await h.app.store.records.list('place', { label: 'D4' }))[0]!;
    const item = site.bed.bed.double.lists.items(site.siteId, places).find((i) => i.fields.HoivaId === place.id)!;
    // The home director types a note into the list view; the next delta poll is minutes away.
    site.bed.bed.double.lists.writeItem(site.siteId, places, { Note: 'Remontti ensin' }, item.id);

    const again = await openPlaceForm(h);
    const replies = await submitPlaceForm(h, again, validPlaceValues(again.card, { label: 'D4', freeFrom: '2026-11-23', note: '' }));
    assert.match(visibleText(replies[0]!), /muutti paikkaa D4 ensin .*Tila nyt/);
    // The refused write made HoivaCRM read the list at once: the mirror holds the person's note, no poll needed.
    await eventually(async () => (await h.app.store.records.get('place', place.id))?.note === 'Remontti ensin');

    const third = await openPlaceForm(h);
    await submitPlaceForm(h, third, validPlaceValues(third.card, { label: 'D4', freeFrom: '2026-11-23', note: 'Remontti ensin' }));
    const stored = await h.app.store.records.get('place', place.id);
    assert.equal(stored?.status, 'vapaa');
    assert.equal(site.bed.bed.double.lists.items(site.siteId, places).find((i) => i.id === item.id)!.fields.Status, 'vapaa');
  });
});

import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { recordKinds } from '../../src/store/record-kinds.js';
import { listDefinitionOf } from '../../src/store/sharepoint/list-schema.js';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, textsOf } from '../support/cards.js';
import { GraphSubscriptions } from '../support/graph-double/subscriptions.js';
import { startSharePointSite, type SharePointSite } from '../support/sharepoint-site.js';
import { homeDirector, installedInTeam, MYYNTI } from '../support/teams-activities.js';

/** A free loopback port, so the notification URL can be configured before the server starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/**
 * STORE=sharepoint with GRAPH_NOTIFICATION_URL (issue 4): HoivaCRM subscribes to each list; Graph (the double)
 * validates the URL, and a notification makes HoivaCRM read the delta feed at once — the poll is ten minutes
 * away in this test, so only the notification can bring the card.
 */
describe('Graph change notifications → an early delta read (STORE=sharepoint, protocol)', function () {
  this.timeout(20_000);
  let site: SharePointSite;
  let subscriptions: GraphSubscriptions;
  let h: BotHarness;

  beforeEach(async () => {
    site = await startSharePointSite();
    subscriptions = GraphSubscriptions.on(site.bed.bed.double);
    const port = await freePort();
    h = await new BotHarness().start({
      ...site.env,
      SEED_DEMO_DATA: 'true',
      PORT: String(port),
      GRAPH_NOTIFICATION_URL: `http://127.0.0.1:${port}/api/graph/notifications`,
      GRAPH_NOTIFICATION_CLIENT_STATE: 'testisalaisuus-123',
    });
    await h.post(installedInTeam(h.connector.url, homeDirector));
  });
  afterEach(async () => {
    await h.stop();
    await site.stop();
  });

  it('subscribes to every list, and a notification brings a list edit to Myynti without waiting for the poll', async () => {
    await eventually(() => subscriptions.live().length === recordKinds.length || undefined);
    const homes = site.bed.bed.double.lists.items(site.siteId, listDefinitionOf('careHome').displayName);
    site.bed.bed.double.lists.writeItem(site.siteId, listDefinitionOf('place').displayName, {
      Title: 'N1',
      Label: 'N1',
      CareHomeLookupId: homes.find((i) => i.fields.Name === 'Koivukoti')!.id,
      ServiceType: 'ymparivuorokautinen',
      CustomerGroup: 'ikaantyneet',
      Status: 'vapaa',
    });
    const placesList = site.bed.bed.double.lists.list(site.siteId, listDefinitionOf('place').displayName)!;
    const subscription = subscriptions.live().find((s) => s.resource.endsWith(placesList.id))!;
    const answer = await subscriptions.notify(subscription.id);
    assert.equal(answer.status, 202);

    const card = await eventually(() => h.connector.posted(MYYNTI.id).map((c) => textsOf(cardOf(c)).join('\n')).find((t) => /N1/.test(t)));
    assert.match(card, /Koivukoti N1/);
    const health = (await (await fetch(`${h.app.url}/healthz`)).json()) as { graphSubscriptions?: string };
    assert.equal(health.graphSubscriptions, 'active');
  });

  it('ignores a notification with the wrong secret', async () => {
    await eventually(() => subscriptions.live().length === recordKinds.length || undefined);
    const before = site.mark();
    const answer = await subscriptions.notify(subscriptions.live()[0]!.id, { clientState: 'väärä' });
    assert.equal(answer.status, 202, 'answered, so Graph does not resend it for hours');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(site.requestsSince(before).filter((r) => r.path.includes('/delta')).length, 0, 'no delta read');
  });
});

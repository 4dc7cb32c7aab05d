import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { receiveComplaint } from '../../src/app/receive-complaint.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { localApi, type LocalApiCall } from '../support/local-api.js';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, textsOf } from '../support/cards.js';
import { homeDirector, installedInTeam, MYYNTI, qualityManager, salesManager } from '../support/teams-activities.js';

/**
 * The tab's REST API in local mode (issue 13): the caller named by the local picker's header, the same use
 * cases and authorization as the bot, typed error bodies in the caller's language, and a place changed through
 * the API updating the sales channel's card in place.
 */
describe('tab API /api/v1 (local mode)', () => {
  let h: BotHarness;
  before(async () => {
    h = await new BotHarness().start();
    await h.post(installedInTeam(h.connector.url, homeDirector));
  });
  after(async () => {
    await h.stop();
  });

  const koivukoti = stableIdFor('home:Koivukoti');
  const merikoti = stableIdFor('home:Merikoti');
  const call = (path: string, as: string | undefined, init: LocalApiCall = {}) => localApi(h)(path, as, init);
  const places = async (careHomeId: string) => (await call(`/places?careHomeId=${careHomeId}`, salesManager.aadObjectId)).body.places as any[];

  it('GET /me names the caller, their roles and scope; 401 without the local header; 403 notInPeopleList in the caller\'s language', async () => {
    const me = await call('/me', homeDirector.aadObjectId);
    assert.equal(me.status, 200);
    assert.deepEqual({ name: me.body.name, roles: me.body.roles, scope: me.body.scope, homes: me.body.careHomes.map((c: any) => c.name) }, { name: 'Kaisa Kotijohtaja', roles: ['kotijohtaja'], scope: 'home', homes: ['Koivukoti'] });
    assert.equal((await call('/me', salesManager.aadObjectId)).body.scope, 'company');

    const anonymous = await call('/me', undefined);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.body.error.code, 'unauthorized');
    assert.match(anonymous.body.error.message, /Paikallinen tila/);

    const stranger = await call('/occupancy', randomUUID(), { lang: 'en-US,en;q=0.9' });
    assert.equal(stranger.status, 403);
    assert.deepEqual(stranger.body, { error: { code: 'notInPeopleList', message: 'You are not in HoivaCRM\'s people list. Ask an administrator to add you.' } });
    assert.match((await call('/me', randomUUID(), { lang: 'fi-FI' })).body.error.message, /henkilölistalla/);
  });

  it('GET /local/people lists the seeded people for the picker', async () => {
    const people = await call('/local/people', undefined);
    assert.equal(people.status, 200);
    assert.ok(people.body.people.some((p: any) => p.userId === homeDirector.aadObjectId && p.name === 'Kaisa Kotijohtaja'));
  });

  it('GET /occupancy: every home by region and service type, the regions and the company adding up', async () => {
    const { status, body } = await call('/occupancy', salesManager.aadObjectId);
    assert.equal(status, 200);
    assert.equal(body.homes.length, 9);
    const sum = (rows: any[], field: string) => rows.reduce((n, r) => n + r[field], 0);
    for (const field of ['places', 'occupied', 'freeing', 'free', 'reserved']) {
      assert.equal(sum(body.regions, field), body.company[field], field);
      for (const home of body.homes) assert.equal(sum(home.byServiceType, field), home.totals[field], `${home.name} ${field}`);
    }
    const koivu = body.homes.find((home: any) => home.name === 'Koivukoti');
    assert.equal(koivu.totals.places, 10);
    assert.equal(koivu.totals.rate, koivu.totals.occupied / 10);
    assert.deepEqual(koivu.byServiceType.map((s: any) => s.serviceType).sort(), ['lyhytaikainen', 'ymparivuorokautinen']);
    assert.equal(body.company.rate, body.company.occupied / body.company.places);
  });

  it('PATCH /places/{id}: freed by the home director, reserved by sales and sold — the sales card posted, then updated in place (PUT); no thread reply', async () => {
    const occupied = (await places(koivukoti)).find((p) => p.effectiveStatus === 'kaytossa')!;
    const postedBefore = h.connector.posted(MYYNTI.id).length;
    const freed = await call(`/places/${occupied.id}`, homeDirector.aadObjectId, { method: 'PATCH', body: { change: 'free', requestId: randomUUID(), version: occupied.version, freeFrom: '2026-11-23' } });
    assert.equal(freed.status, 200, JSON.stringify(freed.body));
    assert.equal(freed.body.place.effectiveStatus, 'vapaa');
    const card = await eventually(() => h.connector.posted(MYYNTI.id).slice(postedBefore).find((c) => textsOf(cardOf(c)).join('\n').includes(occupied.label)));

    const customer = (await call('/customers?q=Länsi', salesManager.aadObjectId)).body.customers[0];
    const reserved = await call(`/places/${occupied.id}`, salesManager.aadObjectId, { method: 'PATCH', body: { change: 'reserve', requestId: randomUUID(), version: freed.body.place.version, customerId: customer.id } });
    assert.equal(reserved.status, 200, JSON.stringify(reserved.body));
    assert.equal(reserved.body.place.effectiveStatus, 'alustavasti-varattu');
    assert.equal(reserved.body.place.reservedForName, customer.name);
    const update = await eventually(() => h.connector.updates(MYYNTI.id).find((u) => u.activityId === card.activityIdAssigned && /Mikko/.test(textsOf(cardOf(u)).join('\n'))));
    assert.match(textsOf(cardOf(update)).join('\n'), /Länsi-Uudenmaan/);

    // The page that still shows the old version is told who was first.
    const stale = await call(`/places/${occupied.id}`, homeDirector.aadObjectId, { method: 'PATCH', body: { change: 'release', requestId: randomUUID(), version: freed.body.place.version }, lang: 'en' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.error.code, 'conflict');
    assert.equal(stale.body.error.changedFirst.by, 'Mikko Myyntipäällikkö');
    assert.match(stale.body.error.message, /Mikko Myyntipäällikkö changed the place .* first/);

    const sold = await call(`/places/${occupied.id}`, homeDirector.aadObjectId, { method: 'PATCH', body: { change: 'sell', requestId: randomUUID(), version: reserved.body.place.version } });
    assert.equal(sold.status, 200, JSON.stringify(sold.body));
    assert.equal(sold.body.place.effectiveStatus, 'kaytossa');
    // The API answers the page; nothing is said in the card's thread (a reply there would be `19:myynti…;messageid=…`).
    assert.deepEqual(h.connector.posted().filter((c) => c.conversationId.startsWith(`${MYYNTI.id};`)), []);
    assert.equal(h.connector.posted(MYYNTI.id).length, postedBefore + 1, 'one new card: the freed place');
    assert.deepEqual(h.loggedErrors, []);
  });

  it('PATCH on another home\'s place by a home director is 403 (out of scope); nothing changes', async () => {
    const other = (await places(merikoti)).find((p) => p.effectiveStatus === 'kaytossa')!;
    const refused = await call(`/places/${other.id}`, homeDirector.aadObjectId, { method: 'PATCH', body: { change: 'free', requestId: randomUUID(), version: other.version, freeFrom: '2026-11-23' } });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'forbidden');
    assert.match(refused.body.error.message, /Merikoti/);
    assert.equal((await places(merikoti)).find((p) => p.id === other.id)!.version, other.version);
  });

  it('400 with the message of each field for a bad body, a malformed body or a bad id; 404 for an unknown place', async () => {
    const place = (await places(koivukoti))[0]!;
    const bad = await call(`/places/${place.id}`, salesManager.aadObjectId, { method: 'PATCH', body: { change: 'reserve', requestId: 'nope', version: place.version }, lang: 'en' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'invalid');
    assert.deepEqual(bad.body.error.fields.map((f: any) => f.field).sort(), ['customerId', 'requestId']);
    for (const f of bad.body.error.fields) assert.ok(f.message.length > 0 && !/^[a-z]+\.[a-zA-Z.]+$/.test(f.message), f.message);

    const malformed = await call(`/places/${place.id}`, salesManager.aadObjectId, { method: 'PATCH', raw: '{"change":' });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.code, 'invalid');

    assert.equal((await call('/places?careHomeId=x', salesManager.aadObjectId)).status, 400);
    assert.equal((await call(`/places?careHomeId=${randomUUID()}`, salesManager.aadObjectId)).status, 404);
    const missing = await call(`/places/${randomUUID()}`, salesManager.aadObjectId, { method: 'PATCH', body: { change: 'sell', requestId: randomUUID(), version: 1 } });
    assert.equal(missing.status, 404);
    assert.equal((await call('/nothing-here', salesManager.aadObjectId)).body.error.code, 'notFound');
  });

  it('customers: search, the overview and the timeline; a complaint\'s text only for those who may read it', async () => {
    const customer = (await call('/customers?q=Länsi', homeDirector.aadObjectId)).body.customers[0];
    const received = await receiveComplaint(h.app.app, { id: qualityManager.aadObjectId, name: qualityManager.name }, {
      requestId: randomUUID(),
      customerId: customer.id,
      careHomeId: merikoti,
      receivedDate: '2026-11-22',
      channel: 'puhelin',
      matter: 'Vastaus viipyi kaksi viikkoa',
      severity: 'kohtalainen',
    });
    assert.ok(received.ok);

    // Kaisa leads Koivukoti: Merikoti's complaint text is not hers to read — the summary.
    const hers = await call(`/customers/${customer.id}`, homeDirector.aadObjectId);
    assert.equal(hers.status, 200);
    assert.equal(hers.body.customer.name, customer.name);
    const summary = hers.body.openComplaints.find((c: any) => c.careHomeName === 'Merikoti');
    assert.equal(summary.textHidden, true);
    assert.equal(summary.complaint.matter, undefined);
    assert.equal(hers.body.redacted, true);
    const quality = await call(`/customers/${customer.id}`, qualityManager.aadObjectId);
    assert.equal(quality.body.openComplaints.find((c: any) => c.careHomeName === 'Merikoti').complaint.matter, 'Vastaus viipyi kaksi viikkoa');

    const timeline = await call(`/customers/${customer.id}/timeline`, homeDirector.aadObjectId);
    assert.equal(timeline.status, 200);
    const entry = timeline.body.entries.find((e: any) => e.kind === 'complaint');
    assert.deepEqual({ summary: entry.summary, hidden: entry.textHidden, by: entry.recordedBy.name }, { summary: '', hidden: true, by: qualityManager.name });
    const qualityTimeline = await call(`/customers/${customer.id}/timeline`, qualityManager.aadObjectId);
    assert.equal(qualityTimeline.body.entries.find((e: any) => e.kind === 'complaint').summary, 'Vastaus viipyi kaksi viikkoa');

    // The complaint board: by status, with the next step and its target date.
    const board = await call('/complaints', homeDirector.aadObjectId);
    assert.equal(board.status, 200);
    const received0 = board.body.columns.find((c: any) => c.status === 'vastaanotettu').complaints[0];
    assert.deepEqual({ next: received0.nextStep, hidden: received0.textHidden, matter: received0.matter, home: received0.careHomeName }, { next: 'toimenpiteet-sovittu', hidden: true, matter: undefined, home: 'Merikoti' });
    assert.ok(received0.nextStepDue);
    const qualityBoard = await call('/complaints', qualityManager.aadObjectId);
    assert.equal(qualityBoard.body.columns[0].complaints[0].matter, 'Vastaus viipyi kaksi viikkoa');

    assert.equal((await call(`/customers/${randomUUID()}`, homeDirector.aadObjectId)).status, 404);
    assert.equal((await call(`/customers/${randomUUID()}/timeline`, homeDirector.aadObjectId)).status, 404);
    assert.equal((await call('/customers/not-an-id', homeDirector.aadObjectId)).status, 400);
    assert.deepEqual(h.loggedErrors, []);
  });
});

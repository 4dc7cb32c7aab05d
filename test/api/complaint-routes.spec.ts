import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { advanceComplaint } from '../../src/app/advance-complaint.js';
import { receiveComplaint } from '../../src/app/receive-complaint.js';
import { LOCAL_USER_HEADER } from '../../src/api/caller.js';
import type { Complaint } from '../../src/domain/records/complaint.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { BotHarness } from '../support/bot-harness.js';
import { businessDirector, homeDirector, qualityManager, regionalDirector, salesManager, type TeamsUser } from '../support/teams-activities.js';

/**
 * The complaints page's endpoints (issue 13): the board bounded per column with its true counts and filters, one
 * complaint with its free text only for the readers readConfidential names, and the quality manager's per-home
 * summary with its numbers checked against complaints of known dates. The demo data has no complaints: every
 * complaint counted here is made by the test, through the bot's use cases.
 */
const koivukoti = stableIdFor('home:Koivukoti');
const merikoti = stableIdFor('home:Merikoti');
const kuusikoti = stableIdFor('home:Kuusikoti');
const aurakoti = stableIdFor('home:Aurakoti');
// The harness's today (2026-11-23, a Monday): the steps below are all taken today.
const actorOf = (user: TeamsUser) => ({ id: user.aadObjectId, name: user.name });

function apiOf(h: () => BotHarness) {
  return async (path: string, as: string | undefined, lang = 'fi-FI') => {
    const response = await fetch(`${h().app.url}/api/v1${path}`, { headers: { ...(as ? { [LOCAL_USER_HEADER]: as } : {}), 'accept-language': lang } });
    return { status: response.status, body: (await response.json()) as any };
  };
}

async function received(h: BotHarness, fields: { careHomeId: string; receivedDate: string; severity: Complaint['severity']; matter?: string }): Promise<Complaint> {
  const customerId = (await h.app.app.store.queries.customerNames())[0]!.id;
  const result = await receiveComplaint(h.app.app, actorOf(qualityManager), {
    requestId: randomUUID(),
    customerId,
    channel: 'sahkoposti',
    matter: fields.matter ?? `Palveluohjaajan viestiin vastattiin myöhässä (${fields.receivedDate})`,
    ...fields,
  });
  assert.ok(result.ok, JSON.stringify(result));
  return result.value.complaint;
}

/** Takes the complaint's steps up to and including `until`, today, as the quality manager would on its card. */
async function advancedTo(h: BotHarness, complaint: Complaint, until: Complaint['status']): Promise<Complaint> {
  const steps = [
    { step: 'toimenpiteet-sovittu', correctiveActions: 'Vastausaika käydään läpi tiimin kanssa.', correctionDue: '2026-12-01' },
    { step: 'korjattu' },
    { step: 'asiakas-informoitu' },
    { step: 'suljettu' },
  ] as const;
  let current = complaint;
  for (const step of steps.slice(0, steps.findIndex((s) => s.step === until) + 1)) {
    const result = await advanceComplaint(h.app.app, actorOf(qualityManager), { requestId: randomUUID(), complaintId: current.id, version: current.version, ...step });
    assert.ok(result.ok && result.value.advanced, JSON.stringify(result));
    current = result.value.complaint;
  }
  return current;
}

describe('complaint routes /api/v1/complaints: the board and one complaint', () => {
  let h: BotHarness;
  const call = apiOf(() => h);
  let merikotiComplaint: Complaint;
  let koivukotiComplaint: Complaint;
  before(async () => {
    h = await new BotHarness().start();
    // Three received at Merikoti (two serious), one at Koivukoti with its actions agreed, one closed at Kuusikoti.
    merikotiComplaint = await received(h, { careHomeId: merikoti, receivedDate: '2026-11-20', severity: 'vakava', matter: 'Lääkelistan päivitys viivästyi' });
    await received(h, { careHomeId: merikoti, receivedDate: '2026-11-21', severity: 'vakava' });
    await received(h, { careHomeId: merikoti, receivedDate: '2026-11-22', severity: 'vahainen' });
    koivukotiComplaint = await advancedTo(h, await received(h, { careHomeId: koivukoti, receivedDate: '2026-11-18', severity: 'kohtalainen' }), 'toimenpiteet-sovittu');
    await advancedTo(h, await received(h, { careHomeId: kuusikoti, receivedDate: '2026-11-02', severity: 'vahainen' }), 'suljettu');
  });
  after(async () => {
    await h.stop();
  });

  it('GET /complaints: every open status in the lifecycle\'s order, the count in each, the next step and its target date', async () => {
    const { status, body } = await call('/complaints', salesManager.aadObjectId);
    assert.equal(status, 200);
    assert.deepEqual(body.columns.map((c: any) => [c.status, c.count, c.complaints.length]), [
      ['vastaanotettu', 3, 3],
      ['toimenpiteet-sovittu', 1, 1],
      ['korjattu', 0, 0],
      ['asiakas-informoitu', 0, 0],
    ]);
    assert.equal(body.total, 4);
    // A serious complaint's actions are due two days after it was received: the nearest target first.
    const first = body.columns[0].complaints[0];
    assert.deepEqual({ home: first.careHomeName, next: first.nextStep, due: first.nextStepDue, overdue: first.overdue, hidden: first.textHidden }, { home: 'Merikoti', next: 'toimenpiteet-sovittu', due: '2026-11-22', overdue: true, hidden: true });
    assert.equal(first.matter, undefined, 'sales read the summary');
    assert.equal(body.columns[1].complaints[0].nextStep, 'korjattu');
    assert.equal(body.columns[1].complaints[0].nextStepDue, '2026-12-01');
  });

  it('a column is a bounded page whose header still says how many there are; filters by status, home and severity', async () => {
    const paged = await call('/complaints?limit=1', qualityManager.aadObjectId);
    assert.deepEqual(paged.body.columns.map((c: any) => [c.count, c.complaints.length]), [[3, 1], [1, 1], [0, 0], [0, 0]]);
    assert.equal(paged.body.total, 4);

    const serious = await call(`/complaints?careHomeId=${merikoti}&severity=vakava`, qualityManager.aadObjectId);
    assert.deepEqual(serious.body.columns.map((c: any) => c.count), [2, 0, 0, 0]);
    assert.ok(serious.body.columns[0].complaints.every((c: any) => c.careHomeName === 'Merikoti' && c.severity === 'vakava'));

    const agreed = await call('/complaints?status=toimenpiteet-sovittu', qualityManager.aadObjectId);
    assert.deepEqual(agreed.body.columns.map((c: any) => [c.status, c.count]), [['toimenpiteet-sovittu', 1]]);
    // Closed complaints only when asked for.
    const closed = await call('/complaints?status=suljettu', qualityManager.aadObjectId);
    assert.deepEqual(closed.body.columns.map((c: any) => [c.status, c.count, c.complaints[0].careHomeName, c.complaints[0].nextStep]), [['suljettu', 1, 'Kuusikoti', undefined]]);
  });

  it('GET /care-homes: the home filter\'s choices — every home in Finnish order, or those matching the text (name or town), a bounded page with the total', async () => {
    const { status, body } = await call('/care-homes', homeDirector.aadObjectId);
    assert.equal(status, 200);
    const names = body.careHomes.map((h: any) => h.name);
    assert.equal(names.length, 9);
    assert.equal(body.total, 9);
    assert.deepEqual(names, [...names].sort(new Intl.Collator('fi').compare));
    assert.deepEqual(body.careHomes.find((h: any) => h.name === 'Merikoti'), { id: merikoti, name: 'Merikoti', region: 'etela-suomi', city: 'Helsinki' });
    // A home director may filter by any home: every role reads every home's complaint summaries.
    assert.deepEqual((await call('/care-homes?q=meri', homeDirector.aadObjectId)).body, { careHomes: [{ id: merikoti, name: 'Merikoti', region: 'etela-suomi', city: 'Helsinki' }], total: 1 });
    assert.deepEqual((await call('/care-homes?q=turku', homeDirector.aadObjectId)).body.careHomes.map((h: any) => h.name), ['Aurakoti'], 'by the town');
    const page = await call('/care-homes?top=2&skip=2', homeDirector.aadObjectId);
    assert.deepEqual([page.body.careHomes.map((h: any) => h.name), page.body.total], [names.slice(2, 4), 9]);
    const bad = await call('/care-homes?top=500', homeDirector.aadObjectId, 'en-US');
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.fields.map((f: any) => f.field), ['top']);
    assert.equal((await call('/care-homes', undefined)).status, 401);
  });

  it('400 for a bad filter, naming the field in the caller\'s language', async () => {
    const bad = await call(`/complaints?status=avoin&careHomeId=x&limit=0`, qualityManager.aadObjectId, 'en-US');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'invalid');
    assert.deepEqual(bad.body.error.fields.map((f: any) => f.field).sort(), ['careHomeId', 'limit', 'status']);
    assert.equal(bad.body.error.fields.find((f: any) => f.field === 'status').message, 'Choose one of the options.');
    const finnish = await call('/complaints?severity=kamala', qualityManager.aadObjectId);
    assert.deepEqual(finnish.body.error.fields, [{ field: 'severity', message: 'Valitse jokin vaihtoehdoista.' }]);
  });

  it('GET /complaints/{id}: the quality manager reads the text and the handling so far', async () => {
    const { status, body } = await call(`/complaints/${koivukotiComplaint.id}`, qualityManager.aadObjectId);
    assert.equal(status, 200);
    assert.deepEqual(
      { matter: body.complaint.matter, actions: body.complaint.correctiveActions, hidden: body.complaint.textHidden, home: body.complaint.careHomeName, region: body.complaint.region, next: body.complaint.nextStep, due: body.complaint.nextStepDue },
      { matter: 'Palveluohjaajan viestiin vastattiin myöhässä (2026-11-18)', actions: 'Vastausaika käydään läpi tiimin kanssa.', hidden: false, home: 'Koivukoti', region: 'etela-suomi', next: 'korjattu', due: '2026-12-01' },
    );
    assert.deepEqual(body.history.map((s: any) => [s.status, s.by.name]), [['vastaanotettu', qualityManager.name], ['toimenpiteet-sovittu', qualityManager.name]]);
    assert.equal(body.mayAdvance, true);
  });

  it('a home director reads their own home\'s complaint in full, another home\'s without its text (not a 403: the role table lets every role read complaints, the text is readConfidential\'s)', async () => {
    const own = await call(`/complaints/${koivukotiComplaint.id}`, homeDirector.aadObjectId);
    assert.equal(own.status, 200);
    assert.equal(own.body.complaint.textHidden, false);
    assert.equal(own.body.complaint.correctiveActions, 'Vastausaika käydään läpi tiimin kanssa.');
    assert.equal(own.body.mayAdvance, true);

    const other = await call(`/complaints/${merikotiComplaint.id}`, homeDirector.aadObjectId);
    assert.equal(other.status, 200);
    assert.equal(other.body.complaint.textHidden, true);
    assert.equal(other.body.complaint.matter, undefined);
    assert.equal(JSON.stringify(other.body).includes('Lääkelistan'), false, 'the text is nowhere in the answer');
    assert.deepEqual({ home: other.body.complaint.careHomeName, severity: other.body.complaint.severity, steps: other.body.history.length }, { home: 'Merikoti', severity: 'vakava', steps: 1 });
    assert.equal(other.body.mayAdvance, false);

    // The regional director reads the text in the region, sales never.
    assert.equal((await call(`/complaints/${merikotiComplaint.id}`, regionalDirector.aadObjectId)).body.complaint.matter, 'Lääkelistan päivitys viivästyi');
    const sales = await call(`/complaints/${merikotiComplaint.id}`, salesManager.aadObjectId);
    assert.deepEqual({ hidden: sales.body.complaint.textHidden, matter: sales.body.complaint.matter, advance: sales.body.mayAdvance }, { hidden: true, matter: undefined, advance: false });
  });

  it('404 for an unknown complaint, 400 for a malformed id, 403 for someone outside the people list', async () => {
    assert.equal((await call(`/complaints/${randomUUID()}`, qualityManager.aadObjectId)).status, 404);
    const malformed = await call('/complaints/not-an-id', qualityManager.aadObjectId);
    assert.equal(malformed.status, 400);
    assert.deepEqual(malformed.body.error.fields.map((f: any) => f.field), ['id']);
    const stranger = await call(`/complaints/${merikotiComplaint.id}`, randomUUID());
    assert.equal(stranger.status, 403);
    assert.equal(stranger.body.error.code, 'notInPeopleList');
    assert.deepEqual(h.loggedErrors, []);
  });
});

describe('complaint routes /api/v1/complaints/summary: the quality manager\'s per-home summary', () => {
  let h: BotHarness;
  const call = apiOf(() => h);
  before(async () => {
    h = await new BotHarness().start();
    // Kuusikoti (Sisä-Suomi): received 3, 10, 20 and 31 days before today (2026-11-23), all corrected today,
    // the first three also informed today: days to corrected 3, 10, 20, 31 (median 15), to informed 3, 10, 20 (10).
    await advancedTo(h, await received(h, { careHomeId: kuusikoti, receivedDate: '2026-11-20', severity: 'vakava' }), 'suljettu');
    await advancedTo(h, await received(h, { careHomeId: kuusikoti, receivedDate: '2026-11-13', severity: 'kohtalainen' }), 'asiakas-informoitu');
    await advancedTo(h, await received(h, { careHomeId: kuusikoti, receivedDate: '2026-11-03', severity: 'vakava' }), 'asiakas-informoitu');
    await advancedTo(h, await received(h, { careHomeId: kuusikoti, receivedDate: '2026-10-23', severity: 'vahainen' }), 'korjattu');
    // Koivukoti (Etelä-Suomi): one corrected the day it came (0 days), one still waiting.
    await advancedTo(h, await received(h, { careHomeId: koivukoti, receivedDate: '2026-11-23', severity: 'vahainen' }), 'korjattu');
    await received(h, { careHomeId: koivukoti, receivedDate: '2026-01-05', severity: 'kohtalainen' });
    // Aurakoti: one received before the twelve months (December 2025 is the first of them): not counted.
    await received(h, { careHomeId: aurakoti, receivedDate: '2025-11-30', severity: 'vakava' });
  });
  after(async () => {
    await h.stop();
  });

  it('counts by severity and month and the median days to corrected and to informed, per home and for the company', async () => {
    const { status, body } = await call('/complaints/summary?months=12', qualityManager.aadObjectId);
    assert.equal(status, 200, JSON.stringify(body));
    assert.deepEqual({ from: body.from, to: body.to, first: body.months[0], last: body.months.at(-1), n: body.months.length, scope: body.scope }, { from: '2025-12-01', to: '2026-11-23', first: '2025-12', last: '2026-11', n: 12, scope: 'company' });
    assert.equal(body.homesTotal, 9);
    assert.equal(body.homes.length, 9);

    const kuusi = body.homes.find((r: any) => r.careHomeName === 'Kuusikoti');
    assert.equal(kuusi.complaints, 4);
    assert.deepEqual(kuusi.bySeverity, { vahainen: 1, kohtalainen: 1, vakava: 2 });
    const month = (row: any, m: string) => row.byMonth.find((x: any) => x.month === m);
    assert.deepEqual(month(kuusi, '2026-11'), { month: '2026-11', vahainen: 0, kohtalainen: 1, vakava: 2, total: 3 });
    assert.deepEqual(month(kuusi, '2026-10'), { month: '2026-10', vahainen: 1, kohtalainen: 0, vakava: 0, total: 1 });
    assert.deepEqual(kuusi.toCorrected, { medianDays: 15, count: 4 });
    assert.deepEqual(kuusi.toInformed, { medianDays: 10, count: 3 });

    const koivu = body.homes.find((r: any) => r.careHomeName === 'Koivukoti');
    assert.deepEqual({ n: koivu.complaints, jan: month(koivu, '2026-01').kohtalainen, corrected: koivu.toCorrected, informed: koivu.toInformed }, { n: 2, jan: 1, corrected: { medianDays: 0, count: 1 }, informed: { medianDays: null, count: 0 } });
    assert.equal(body.homes.find((r: any) => r.careHomeName === 'Aurakoti').complaints, 0, 'received before the period');

    // The company: days to corrected 0, 3, 10, 20, 31 (median 10); to informed 3, 10, 20 (10).
    assert.deepEqual({ n: body.total.complaints, severity: body.total.bySeverity, corrected: body.total.toCorrected, informed: body.total.toInformed }, {
      n: 6,
      severity: { vahainen: 2, kohtalainen: 2, vakava: 2 },
      corrected: { medianDays: 10, count: 5 },
      informed: { medianDays: 10, count: 3 },
    });
    assert.equal(month(body.total, '2026-11').total, 4);
  });

  it('pages the homes; a regional director sees the region\'s homes, a home director their own, the total over those', async () => {
    const page = await call('/complaints/summary?limit=2&skip=2', businessDirector.aadObjectId);
    assert.deepEqual({ n: page.body.homes.length, skip: page.body.skip, homes: page.body.homesTotal, total: page.body.total.complaints }, { n: 2, skip: 2, homes: 9, total: 6 });

    const region = await call('/complaints/summary', regionalDirector.aadObjectId);
    assert.equal(region.status, 200);
    assert.equal(region.body.scope, 'region');
    assert.deepEqual(region.body.homes.map((r: any) => r.region), ['etela-suomi', 'etela-suomi', 'etela-suomi']);
    assert.deepEqual({ n: region.body.total.complaints, corrected: region.body.total.toCorrected }, { n: 2, corrected: { medianDays: 0, count: 1 } });

    const own = await call('/complaints/summary', homeDirector.aadObjectId);
    assert.deepEqual({ scope: own.body.scope, homes: own.body.homes.map((r: any) => r.careHomeName), total: own.body.total.complaints }, { scope: 'home', homes: ['Koivukoti'], total: 2 });
  });

  it('403 for sales, who get complaints as summaries only; 400 naming a bad parameter', async () => {
    const sales = await call('/complaints/summary', salesManager.aadObjectId, 'en-US');
    assert.equal(sales.status, 403);
    assert.equal(sales.body.error.code, 'forbidden');
    assert.match(sales.body.error.message, /quality manager/i);
    const bad = await call('/complaints/summary?months=0', qualityManager.aadObjectId);
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.fields.map((f: any) => f.field), ['months']);
    assert.deepEqual(h.loggedErrors, []);
  });
});

import assert from 'node:assert/strict';
import { runningClockFrom } from '../../src/clock.js';
import type { Complaint } from '../../src/domain/records/complaint.js';
import type { ContactLogEntry } from '../../src/domain/records/contact-log-entry.js';
import type { Place } from '../../src/domain/records/place.js';
import { BotHarness, eventually } from '../support/bot-harness.js';
import { cardOf, textsOf } from '../support/cards.js';
import { GENERAL, homeDirector, installedInTeam, MYYNTI } from '../support/teams-activities.js';

/**
 * The Monday digest: at 08:00 Helsinki time on Monday the management channel (General in local mode)
 * gets one card listing quiet customers, long-free places and overdue complaints. Time is the harness
 * clock, moved by hand: nothing here waits for a real Monday.
 */
describe('the Monday digest in the management channel (protocol)', () => {
  let h: BotHarness;
  const actor = { id: homeDirector.aadObjectId, name: homeDirector.name };

  beforeEach(async () => {
    h = new BotHarness();
    // Sunday 22 Nov 2026, 12:00 in Helsinki (UTC+2).
    h.clock = runningClockFrom('2026-11-22T10:00:00.000Z');
    await h.start({ WEEKLY_DIGEST: 'on', DIGEST_CHECK_MS: '3600000' });
    await h.post(installedInTeam(h.connector.url, homeDirector));
    await seedRecords();
  });
  afterEach(async () => {
    await h.stop();
  });

  const digestsIn = (conversationId: string) => h.connector.posted(conversationId).filter((c) => /Viikkokatsaus|Weekly digest/.test(textsOf(cardOf(c)).join('\n')));

  async function seedRecords(): Promise<void> {
    const { store } = h.app;
    const espoo = (await store.records.list('customer')).find((c) => c.name === 'Länsi-Uudenmaan hyvinvointialue')!;
    const home = (await store.records.list('careHome')).find((c) => c.name === 'Koivukoti')!;
    const at = '2026-11-22T10:00:00.000Z';
    const meta = { version: 1, createdAt: at, createdBy: actor.id, updatedAt: at };
    const log: ContactLogEntry = { ...meta, id: 'a0000000-0000-4000-8000-000000000001', customerId: espoo.id, date: '2026-11-19', type: 'puhelu', matter: 'Hintakysely', recordedBy: actor };
    // Recorded free on 30.10: the store has been in use for weeks, so the first Monday digest is due.
    const place: Place = { ...meta, createdAt: '2026-10-30T07:00:00.000Z', id: 'a0000000-0000-4000-8000-000000000002', careHomeId: home.id, label: 'Z9', serviceType: 'ymparivuorokautinen', customerGroup: 'ikaantyneet', status: 'vapaa', freeFrom: '2026-10-30' };
    const complaint: Complaint = {
      ...meta,
      id: 'a0000000-0000-4000-8000-000000000003',
      customerId: espoo.id,
      careHomeId: home.id,
      receivedDate: '2026-11-10',
      channel: 'puhelin',
      matter: 'Vastaus viipyi',
      severity: 'kohtalainen',
      status: 'vastaanotettu',
      nextStepDue: '2026-11-15',
      recordedBy: actor,
    };
    await store.records.commit({
      at,
      writes: [
        { kind: 'contactLogEntry', record: log, expectedVersion: null },
        { kind: 'place', record: place, expectedVersion: null },
        { kind: 'complaint', record: complaint, expectedVersion: null },
      ],
      outbox: [],
    });
  }

  it('posts nothing before Monday 08:00 in Helsinki, then one digest to management only', async () => {
    await h.app.digest!.check();
    h.clock.advance(19 * 3_600_000 + 59 * 60_000); // Monday 07:59 Helsinki
    await h.app.digest!.check();
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(digestsIn(GENERAL.id).length, 0, 'not before 08:00 on Monday');

    h.clock.advance(2 * 60_000); // 08:01
    await h.app.digest!.check();
    const digest = await eventually(() => digestsIn(GENERAL.id)[0]);
    const text = textsOf(cardOf(digest)).join('\n');
    assert.match(text, /Viikkokatsaus, viikko 48/);
    assert.match(text, /Asiakkaat ilman kirjausta 14 päivään \(7\)/);
    assert.match(text, /Vantaan ja Keravan hyvinvointialue: ei yhtään kirjausta/);
    assert.doesNotMatch(text, /^Länsi-Uudenmaan hyvinvointialue: /m, 'Espoo was called four days ago');
    assert.match(text, /Koivukoti Z9: vapaa 30\.10\.2026 alkaen, 24 pv/);
    assert.match(text, /Koivukoti – Länsi-Uudenmaan hyvinvointialue: vastaanotettu, toimenpiteet sopimatta, tavoite 15\.11\.2026, myöhässä 8 pv/);
    assert.equal(digestsIn(MYYNTI.id).length, 0, 'sales does not get the digest');
  });

  it('sends one digest a week however often it checks, and the next one a week later', async () => {
    h.clock.advance(21 * 3_600_000); // Monday 10:00 Helsinki
    await h.app.digest!.check();
    await h.app.digest!.check();
    await eventually(() => digestsIn(GENERAL.id)[0]);
    await h.restart({ WEEKLY_DIGEST: 'on', DIGEST_CHECK_MS: '3600000' }); // the start checks again
    await h.app.digest!.check();
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(digestsIn(GENERAL.id).length, 1);

    h.clock.advance(7 * 24 * 3_600_000);
    await h.app.digest!.check();
    const second = await eventually(() => digestsIn(GENERAL.id)[1]);
    assert.match(textsOf(cardOf(second)).join('\n'), /viikko 49/);
  });

  it('sends a missed Monday\'s digest when the server comes back on Tuesday', async () => {
    await h.app.stop();
    h.clock.advance(2 * 24 * 3_600_000); // Tuesday noon
    await h.start({ WEEKLY_DIGEST: 'on', DIGEST_CHECK_MS: '3600000' });
    const digest = await eventually(() => digestsIn(GENERAL.id)[0]);
    assert.match(textsOf(cardOf(digest)).join('\n'), /viikko 48/);
  });

  it('speaks the channel language', async () => {
    await h.restart({ WEEKLY_DIGEST: 'on', DIGEST_CHECK_MS: '3600000', DEFAULT_LOCALE: 'en' });
    h.clock.advance(21 * 3_600_000);
    await h.app.digest!.check();
    const digest = await eventually(() => digestsIn(GENERAL.id)[0]);
    const text = textsOf(cardOf(digest)).join('\n');
    assert.match(text, /Weekly digest, week 48/);
    assert.match(text, /Vantaan ja Keravan hyvinvointialue: no entries at all/);
  });
});

/**
 * A fresh install's first Monday: every customer would be listed as silent for 14 days, so the digest waits
 * until the store has been in use for the whole week before a Monday 08:00.
 */
describe('the first Monday digest after a fresh install (protocol)', () => {
  let h: BotHarness;

  beforeEach(async () => {
    h = new BotHarness();
  });
  afterEach(async () => {
    await h.stop();
  });

  const digestsIn = (conversationId: string) => h.connector.posted(conversationId).filter((c) => /Viikkokatsaus|Weekly digest/.test(textsOf(cardOf(c)).join('\n')));

  it('installed on Sunday: nothing on the next Monday, the first digest the Monday after', async () => {
    h.clock = runningClockFrom('2026-11-22T10:00:00.000Z'); // Sunday noon, Helsinki: the seed is dated now
    await h.start({ WEEKLY_DIGEST: 'on', DIGEST_CHECK_MS: '3600000' });
    await h.post(installedInTeam(h.connector.url, homeDirector));
    h.clock.advance(22 * 3_600_000); // Monday 23.11 10:00
    await h.app.digest!.check();
    h.clock.advance(24 * 3_600_000); // Tuesday: still not a week of use
    await h.app.digest!.check();
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(digestsIn(GENERAL.id).length, 0, 'no digest calling every customer silent on the first Monday');

    h.clock.advance(6 * 24 * 3_600_000); // Monday 30.11 10:00
    await h.app.digest!.check();
    const digest = await eventually(() => digestsIn(GENERAL.id)[0]);
    assert.match(textsOf(cardOf(digest)).join('\n'), /Viikkokatsaus, viikko 49/);
  });

  it('a check too soon uses up nothing: when older records arrive that week (a site read in), that week\'s digest goes out', async () => {
    h.clock = runningClockFrom('2026-11-23T08:00:00.000Z'); // Monday 10:00, Helsinki: installed now, the start checks at once
    await h.start({ WEEKLY_DIGEST: 'on', DIGEST_CHECK_MS: '3600000' });
    await h.post(installedInTeam(h.connector.url, homeDirector));
    await h.app.digest!.check();
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(digestsIn(GENERAL.id).length, 0);

    const espoo = (await h.app.store.records.list('customer')).find((c) => c.name === 'Länsi-Uudenmaan hyvinvointialue')!;
    const since = '2026-09-01T08:00:00.000Z';
    const actor = { id: homeDirector.aadObjectId, name: homeDirector.name };
    const log: ContactLogEntry = { id: 'a0000000-0000-4000-8000-000000000009', version: 1, createdAt: since, createdBy: actor.id, updatedAt: since, customerId: espoo.id, date: '2026-09-01', type: 'puhelu', matter: 'Syksyn hinnat', recordedBy: actor };
    await h.app.store.records.commit({ at: since, writes: [{ kind: 'contactLogEntry', record: log, expectedVersion: null }], outbox: [] });
    await h.app.digest!.check();
    const digest = await eventually(() => digestsIn(GENERAL.id)[0]);
    assert.match(textsOf(cardOf(digest)).join('\n'), /Viikkokatsaus, viikko 48/);
  });
});

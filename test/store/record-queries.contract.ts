import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { RecordWrite, Store } from '../../src/store/store-port.js';

/**
 * The narrow reads' contract (src/store/record-queries.ts): both adapters run it — the SharePoint store
 * answers from its mirror with the SQLite store's code, and this keeps it so.
 */
export function recordQueriesContract(name: string, open: () => Promise<{ store: Store; dispose(): Promise<void> }>): void {
  describe(`narrow queries contract: ${name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    const at = '2026-11-23T08:00:00.000Z';
    const today = '2026-11-23';
    const meta = (createdAt = '2026-11-01T08:00:00.000Z') => ({ id: randomUUID(), version: 1, createdAt, createdBy: 'test', updatedAt: createdAt });
    const kaisa = { id: 'u-kaisa', name: 'Kaisa' };
    const koivukoti = { ...meta(), name: 'Koivukoti', region: 'etela-suomi' as const, city: 'Espoo', serviceTypes: ['ymparivuorokautinen' as const], customerGroups: ['ikaantyneet' as const] };
    const ahtari = { ...meta(), name: 'Ähtärin koti', region: 'sisa-suomi' as const, city: 'Ähtäri', serviceTypes: ['ymparivuorokautinen' as const], customerGroups: ['ikaantyneet' as const] };
    const customer = (name: string, region: 'etela-suomi' | 'sisa-suomi') => ({ ...meta(), name, kind: 'kunta' as const, region, segment: 'ostopalvelu' as const, lifecyclePhase: 'kasvu' as const });
    const espoo = customer('Espoon kaupunki', 'etela-suomi');
    const vantaa = customer('Vantaan kaupunki', 'etela-suomi');
    const jyvaskyla = customer('Jyväskylän kaupunki', 'sisa-suomi');
    const place = (home: { id: string }, label: string, status: 'vapaa' | 'vapautuu' | 'kaytossa', freeFrom?: string) => ({
      ...meta(),
      careHomeId: home.id,
      label,
      serviceType: 'ymparivuorokautinen' as const,
      customerGroup: 'ikaantyneet' as const,
      status,
      ...(freeFrom ? { freeFrom } : {}),
    });
    const log = (customerId: string, date: string, next?: string) => ({
      ...meta(),
      customerId,
      date,
      type: 'puhelu' as const,
      matter: `Puhelu ${date}`,
      recordedBy: kaisa,
      ...(next ? { nextContactDate: next, nextContactTopic: 'Jatko' } : {}),
    });
    const openComplaint = { ...meta(), customerId: espoo.id, careHomeId: koivukoti.id, receivedDate: '2026-11-12', channel: 'puhelin' as const, matter: 'Avoin', severity: 'kohtalainen' as const, status: 'toimenpiteet-sovittu' as const, nextStepDue: '2026-11-20', recordedBy: kaisa };
    const create = (kind: RecordWrite['kind'], record: object): RecordWrite => ({ kind, record: record as RecordWrite['record'], expectedVersion: null });
    /** A free-from day in November, `n` days after the 1st. */
    const addDay = (n: number) => `2026-11-${String(1 + n).padStart(2, '0')}`;

    beforeEach(async () => {
      ({ store, dispose } = await open());
      await store.records.commit({
        at,
        writes: [create('careHome', koivukoti), create('careHome', ahtari), create('customer', espoo), create('customer', vantaa), create('customer', jyvaskyla)],
        outbox: [],
      });
      await store.records.commit({
        at,
        idempotencyKey: 'queries-seed',
        writes: [
          create('place', place(koivukoti, 'A1', 'vapaa', '2026-11-01')),
          create('place', place(koivukoti, 'A2', 'vapautuu', '2026-11-20')),
          create('place', place(koivukoti, 'A3', 'vapautuu', '2026-12-10')),
          create('place', place(koivukoti, 'A4', 'kaytossa')),
          create('place', place(ahtari, 'B1', 'vapaa', '2026-11-22')),
          create('contactLogEntry', log(espoo.id, '2026-11-20', '2026-11-30')),
          create('contactLogEntry', log(espoo.id, '2026-11-02', '2026-12-04')),
          create('contactLogEntry', log(espoo.id, '2026-11-25')),
          create('contactLogEntry', log(vantaa.id, '2026-11-22')),
          create('supervisionVisit', { ...meta(), customerId: espoo.id, careHomeId: koivukoti.id, date: '2026-11-18', participants: 'Valvoja', findings: 'Kunnossa', specialMention: false, recordedBy: kaisa }),
          create('homeEvent', { ...meta(), careHomeId: koivukoti.id, date: '2026-11-15', kind: 'omaisten-ilta', title: 'Omaisten ilta', customerIds: [vantaa.id, espoo.id], attendingContactIds: [], specialMention: false, recordedBy: kaisa }),
          create('note', { ...meta('2026-11-19T10:00:00.000Z'), customerId: espoo.id, matter: 'Tieto', specialMention: false, direction: 'myynnista-tuotantoon', recordedBy: kaisa }),
          create('developmentMeeting', { ...meta(), kind: 'vuosittainen', customerId: espoo.id, startsAt: '2026-11-10T10:00:00.000Z', endsAt: '2026-11-10T12:00:00.000Z', participants: 'Timo', recordedBy: kaisa }),
          create('complaint', openComplaint),
          create('complaint', { ...openComplaint, ...meta(), receivedDate: '2026-09-01', status: 'suljettu', nextStepDue: '2026-09-10', matter: 'Käsitelty' }),
        ],
        outbox: [],
      });
    });
    afterEach(async () => {
      await dispose();
    });

    it("reads a customer's newest entries of every kind up to a day, bounded, and each customer's last entry day", async () => {
      const latest = await store.queries.latestEntries(espoo.id, today, 5);
      assert.deepEqual(latest.map((e) => [e.date, e.kind]), [
        ['2026-11-20', 'contactLogEntry'],
        ['2026-11-19', 'note'],
        ['2026-11-18', 'supervisionVisit'],
        ['2026-11-15', 'homeEvent'],
        ['2026-11-12', 'complaint'],
      ]);
      assert.equal(latest[4]!.careHomeId, koivukoti.id, "a complaint entry names its home (whose people may read its text)");
      assert.deepEqual((await store.queries.latestEntries(espoo.id, today, 10)).at(-1)?.date, '2026-09-01');
      const last = await store.queries.lastEntryDates(today);
      assert.equal(last.get(espoo.id), '2026-11-20', 'an entry dated ahead is not the last one');
      assert.equal(last.get(vantaa.id), '2026-11-22');
      assert.equal(last.has(jyvaskyla.id), false);
      assert.equal(await store.queries.countEntries('2026-11-16', today), 4);
    });

    it('reads open places by effective status, home order and region, bounded with totals; counts per home and status', async () => {
      const all = await store.queries.openPlaces({ today, limit: 10 });
      assert.deepEqual(all.places.map((p) => [p.label, p.effectiveStatus]), [['A1', 'vapaa'], ['A2', 'vapaa'], ['A3', 'vapautuu'], ['B1', 'vapaa']]);
      assert.deepEqual([all.total, all.homes], [4, 2]);
      const page = await store.queries.openPlaces({ today, limit: 2 });
      assert.deepEqual([page.places.length, page.total, page.homes], [2, 4, 2]);
      assert.deepEqual((await store.queries.openPlaces({ today, region: 'sisa-suomi', limit: 10 })).places.map((p) => p.label), ['B1']);
      assert.deepEqual((await store.queries.longFreePlaces(today, '2026-11-09', 10)).places.map((p) => p.label), ['A1']);
      const counts = await store.queries.placeCounts(today);
      const of = (homeId: string) => Object.fromEntries(counts.filter((c) => c.careHomeId === homeId).map((c) => [c.status, c.count]));
      assert.deepEqual(of(koivukoti.id), { kaytossa: 1, vapaa: 2, vapautuu: 1 });
      assert.deepEqual(of(ahtari.id), { vapaa: 1 });
    });

    it("lists reserved places among the open ones on request, and a customer's reserved and sold places (issue 11)", async () => {
      const reserved = (home: { id: string }, label: string, status: 'alustavasti-varattu' | 'kaytossa', customerId: string, reservedAt: string, freeFrom?: string) => ({
        ...place(home, label, 'vapaa', freeFrom),
        status,
        ...(freeFrom ? {} : { freeFrom: undefined }),
        reservedForCustomerId: customerId,
        reservedBy: kaisa,
        reservedAt,
      });
      await store.records.commit({
        at,
        writes: [
          create('place', reserved(koivukoti, 'R1', 'alustavasti-varattu', espoo.id, '2026-11-21T08:00:00.000Z', '2026-11-05')),
          create('place', reserved(koivukoti, 'R2', 'alustavasti-varattu', espoo.id, '2026-11-22T08:00:00.000Z', '2026-11-30')),
          create('place', reserved(ahtari, 'S1', 'kaytossa', espoo.id, '2026-10-01T08:00:00.000Z')),
          create('place', reserved(ahtari, 'V1', 'alustavasti-varattu', vantaa.id, '2026-11-22T08:00:00.000Z', '2026-11-30')),
        ],
        outbox: [],
      });
      const open = await store.queries.openPlaces({ today, limit: 10 });
      assert.deepEqual(open.places.map((p) => p.label), ['A1', 'A2', 'A3', 'B1'], 'reserved places only when asked for');
      const listed = await store.queries.openPlaces({ today, limit: 10, withReserved: true });
      assert.deepEqual(listed.places.map((p) => [p.label, p.effectiveStatus]), [['A1', 'vapaa'], ['R1', 'alustavasti-varattu'], ['A2', 'vapaa'], ['R2', 'alustavasti-varattu'], ['A3', 'vapautuu'], ['B1', 'vapaa'], ['V1', 'alustavasti-varattu']]);
      assert.deepEqual([listed.total, listed.homes], [7, 2]);
      assert.deepEqual((await store.queries.openPlaces({ today, limit: 10, withReserved: true, careHomeIds: [ahtari.id] })).places.map((p) => p.label), ['B1', 'V1']);

      const own = await store.queries.placesOfCustomer(espoo.id, 10);
      assert.deepEqual(own.places.map((p) => [p.label, p.status]), [['R2', 'alustavasti-varattu'], ['R1', 'alustavasti-varattu'], ['S1', 'kaytossa']], 'reserved first, newest reservation first');
      assert.deepEqual([own.reserved, own.sold], [2, 1]);
      const page = await store.queries.placesOfCustomer(espoo.id, 1);
      assert.deepEqual([page.places.map((p) => p.label), page.reserved, page.sold], [['R2'], 2, 1]);
      assert.deepEqual(await store.queries.placesOfCustomer(jyvaskyla.id, 10), { places: [], reserved: 0, sold: 0 });
    });

    it("reads complaints past their target, a customer's open complaints and next contact", async () => {
      const overdue = await store.queries.overdueComplaints(today, 10);
      assert.deepEqual([overdue.complaints.map((c) => c.id), overdue.total], [[openComplaint.id], 1]);
      assert.deepEqual((await store.queries.openComplaintsOf(espoo.id)).map((c) => c.id), [openComplaint.id]);
      assert.equal((await store.queries.nextContactOf(espoo.id, today))?.nextContactDate, '2026-11-30');
      assert.equal(await store.queries.nextContactOf(jyvaskyla.id, today), undefined);
    });

    it("lists customers and homes in Finnish order, the region's first, and sees a new one at once", async () => {
      const choice = await store.queries.customersByRegion('sisa-suomi', 2);
      assert.deepEqual([choice.customers.map((c) => c.name), choice.inRegion, choice.total], [['Jyväskylän kaupunki', 'Espoon kaupunki'], 1, 3]);
      assert.deepEqual((await store.queries.careHomes()).map((h) => h.name), ['Koivukoti', 'Ähtärin koti']);
      await store.records.commit({ at, writes: [create('customer', customer('Auran kunta', 'etela-suomi'))], outbox: [] });
      assert.deepEqual((await store.queries.customerNames()).map((c) => c.name), ['Auran kunta', 'Espoon kaupunki', 'Jyväskylän kaupunki', 'Vantaan kaupunki']);
    });

    it('searches customers by name: case-insensitive, prefix and word matches first, Finnish order, paged', async () => {
      const more = ['Ähtärin kaupunki', 'Keski-Suomen hyvinvointialue', 'Kaupunkiyhtymä 100% Oy', 'Åbo stad', 'Öljytilan kunta', 'Wasa stad', 'Vöyrin kunta'].map((n) => create('customer', customer(n, 'sisa-suomi')));
      await store.records.commit({ at, writes: more, outbox: [] });
      const names = async (text: string, limit = 25, skip = 0) => (await store.queries.searchCustomers(text, limit, skip)).map((c) => c.name);
      // "Kaupunkiyhtymä" starts with it; the others have a word starting with it.
      assert.deepEqual(await names('KAUP'), ['Kaupunkiyhtymä 100% Oy', 'Espoon kaupunki', 'Jyväskylän kaupunki', 'Vantaan kaupunki', 'Ähtärin kaupunki']);
      assert.deepEqual(await names('ähtä'), ['Ähtärin kaupunki'], 'ä folded to lower case, unlike SQLite LIKE');
      assert.deepEqual(await names('suomen'), ['Keski-Suomen hyvinvointialue'], 'a word after a hyphen');
      assert.deepEqual(await names('yväs'), ['Jyväskylän kaupunki'], 'anywhere in the name, last');
      assert.deepEqual(await names('100%'), ['Kaupunkiyhtymä 100% Oy'], '% is a letter, not a wildcard');
      assert.deepEqual(await names('_'), []);
      assert.deepEqual(await names(''), ['Espoon kaupunki', 'Jyväskylän kaupunki', 'Kaupunkiyhtymä 100% Oy', 'Keski-Suomen hyvinvointialue', 'Vantaan kaupunki', 'Vöyrin kunta', 'Wasa stad', 'Åbo stad', 'Ähtärin kaupunki', 'Öljytilan kunta']);
      assert.deepEqual(await names('kaup', 2, 1), ['Espoon kaupunki', 'Jyväskylän kaupunki']);
      const [first] = await store.queries.searchCustomers('espoo', 1, 0);
      assert.deepEqual(first, { id: espoo.id, name: 'Espoon kaupunki', region: 'etela-suomi' });
    });

    // --- the customer page at scale (perf-customers): the lookups that replaced scans must follow every write ---
    it('finds a renamed or new customer under its new name at once: the folded name list follows customer writes', async () => {
      const names = async (text: string) => (await store.queries.searchCustomers(text, 25, 0)).map((c) => c.name);
      assert.deepEqual(await names('vant'), ['Vantaan kaupunki']);
      await store.records.commit({
        at,
        writes: [{ kind: 'customer', record: { ...vantaa, name: 'Vantaan ja Keravan hyvinvointialue', version: 2 }, expectedVersion: 1 }, create('customer', customer('Ämmälän kunta', 'etela-suomi'))],
        outbox: [],
      });
      assert.deepEqual(await names('KERAVA'), ['Vantaan ja Keravan hyvinvointialue']);
      assert.deepEqual(await names('kaupunki'), ['Espoon kaupunki', 'Jyväskylän kaupunki'], 'the old name is gone');
      assert.deepEqual(await names('ämm'), ['Ämmälän kunta']);
    });

    it("reads a customer's home events as the event is edited: its customers, its date, its withdrawal", async () => {
      const events = async (customerId: string) => (await store.queries.latestEntries(customerId, today, 10)).filter((e) => e.kind === 'homeEvent').map((e) => e.date);
      const ilta = { ...meta(), careHomeId: ahtari.id, date: '2026-11-21', kind: 'omaisten-ilta' as const, title: 'Ilta', customerIds: [jyvaskyla.id, jyvaskyla.id], attendingContactIds: [], specialMention: false, recordedBy: kaisa };
      await store.records.commit({ at, writes: [create('homeEvent', ilta)], outbox: [] });
      assert.deepEqual(await events(jyvaskyla.id), ['2026-11-21'], 'a customer named twice is one entry');
      assert.deepEqual(await events(espoo.id), ['2026-11-15']);

      await store.records.commit({ at, writes: [{ kind: 'homeEvent', record: { ...ilta, date: '2026-11-14', customerIds: [espoo.id], version: 2 }, expectedVersion: 1 }], outbox: [] });
      assert.deepEqual(await events(jyvaskyla.id), [], 'no longer named');
      assert.deepEqual(await events(espoo.id), ['2026-11-15', '2026-11-14'], 'named now, on its new day');

      await store.records.commit({ at, writes: [{ kind: 'homeEvent', record: { ...ilta, date: '2026-11-14', customerIds: [espoo.id], withdrawnAt: at, withdrawnBy: kaisa, version: 3 }, expectedVersion: 2 }], outbox: [] });
      assert.deepEqual(await events(espoo.id), ['2026-11-15'], 'a withdrawn event is nobody\'s entry');
      await store.records.commit({ at, writes: [create('homeEvent', { ...ilta, ...meta(), date: '2026-11-30', customerIds: [espoo.id] })], outbox: [] });
      assert.deepEqual(await events(espoo.id), ['2026-11-15'], 'an event dated ahead is not yet an entry');
    });

    it("pages a region's open places home by home, with true totals, whichever home the page ends in", async () => {
      // Five homes in Finnish order with 0, 3, 1, 2 and 4 open places (and an occupied and a withdrawn one each).
      const homes = ['Aapiskoti', 'Bertankoti', 'Celsiuksenkoti', 'Daalian koti', 'Eerikinkoti'].map((name) => ({ ...koivukoti, ...meta(), name, region: 'lounais-suomi' as const }));
      const openCounts = [0, 3, 1, 2, 4];
      const writes: RecordWrite[] = homes.map((h) => create('careHome', h));
      const expected: string[] = [];
      homes.forEach((home, i) => {
        writes.push(create('place', place(home, `${i}-K`, 'kaytossa')), create('place', { ...place(home, `${i}-W`, 'vapaa', '2026-11-01'), withdrawnAt: at, withdrawnBy: kaisa }));
        for (let n = 0; n < openCounts[i]!; n++) {
          writes.push(create('place', place(home, `${i}-${n}`, n % 2 ? 'vapautuu' : 'vapaa', addDay(n))));
          expected.push(`${i}-${n}`);
        }
      });
      await store.records.commit({ at, writes, outbox: [] });
      for (let limit = 0; limit <= expected.length + 1; limit++) {
        const page = await store.queries.openPlaces({ today, region: 'lounais-suomi', limit });
        assert.deepEqual(page.places.map((p) => p.label), expected.slice(0, limit), `limit ${limit}`);
        assert.deepEqual([page.total, page.homes], [10, 4], `limit ${limit}`);
      }
      // A place of the second home taken: the next read counts and pages without it.
      const [taken] = (await store.records.list('place', { careHomeId: homes[1]!.id })).filter((p) => p.label === '1-0');
      await store.records.commit({ at, writes: [{ kind: 'place', record: { ...taken!, status: 'kaytossa', freeFrom: undefined, version: 2 }, expectedVersion: 1 }], outbox: [] });
      const after = await store.queries.openPlaces({ today, region: 'lounais-suomi', limit: 3 });
      assert.deepEqual([after.places.map((p) => p.label), after.total, after.homes], [['1-1', '1-2', '2-0'], 9, 4]);
      const some = await store.queries.openPlaces({ today, careHomeIds: [homes[4]!.id, homes[0]!.id], limit: 2 });
      assert.deepEqual([some.places.map((p) => p.label), some.total, some.homes], [['4-0', '4-1'], 4, 1]);
    });

    it('answers whether a request key was used and whether the store was in use by an instant', async () => {
      assert.equal(await store.queries.isProcessed('queries-seed'), true);
      assert.equal(await store.queries.isProcessed('never'), false);
      assert.equal(await store.queries.createdBy('2026-11-01T08:00:00.000Z'), true);
      assert.equal(await store.queries.createdBy('2026-10-31T08:00:00.000Z'), false);
    });

    // --- occupancy (the tab's Käyttöaste board, issue 13) ---
    it('counts the places of given homes by service type, and of every home, by effective status; sees a change at once', async () => {
      const koivu = await store.queries.placeTalliesOf(today, [koivukoti.id]);
      // A2 is freeing from 20.11.: free on the 23rd.
      assert.deepEqual(koivu.map((t) => [t.serviceType, t.status, t.count]), [['ymparivuorokautinen', 'kaytossa', 1], ['ymparivuorokautinen', 'vapaa', 2], ['ymparivuorokautinen', 'vapautuu', 1]]);
      assert.deepEqual(await store.queries.placeTalliesOf(today, [koivukoti.id], 'lyhytaikainen'), []);
      assert.deepEqual(await store.queries.placeTalliesOf(today, []), []);
      const homeRows = async (day = today) =>
        (await store.queries.homePlaceTotals(day)).map((t) => [t.careHomeId === koivukoti.id ? 'Koivukoti' : t.careHomeId === ahtari.id ? 'Ähtäri' : '?', t.status, t.count]).sort((a, b) => (String(a) < String(b) ? -1 : 1));
      assert.deepEqual(await homeRows(), [['Koivukoti', 'kaytossa', 1], ['Koivukoti', 'vapaa', 2], ['Koivukoti', 'vapautuu', 1], ['Ähtäri', 'vapaa', 1]]);
      assert.deepEqual(await homeRows('2026-11-19'), [['Koivukoti', 'kaytossa', 1], ['Koivukoti', 'vapaa', 1], ['Koivukoti', 'vapautuu', 2], ['Ähtäri', 'vapaa', 1]], 'a day before A2 frees');
      assert.deepEqual(await store.queries.homePlaceTotals(today, 'yhteisollinen'), []);

      // The occupied A4 recorded free, and B1 withdrawn: both in the next read.
      const [a4] = (await store.records.list('place', { careHomeId: koivukoti.id })).filter((p) => p.label === 'A4');
      const [b1] = await store.records.list('place', { careHomeId: ahtari.id });
      await store.records.commit({
        at,
        writes: [
          { kind: 'place', record: { ...a4!, status: 'vapaa', freeFrom: today, version: 2 }, expectedVersion: 1 },
          { kind: 'place', record: { ...b1!, withdrawnAt: at, withdrawnBy: kaisa, version: 2 }, expectedVersion: 1 },
        ],
        outbox: [],
      });
      assert.deepEqual(await homeRows(), [['Koivukoti', 'vapaa', 3], ['Koivukoti', 'vapautuu', 1]]);
    });

    it('complaints (issue 13): the board a bounded page per status with true counts; counts and median days by home, severity and month', async () => {
      const complaint = (home: { id: string }, receivedDate: string, severity: 'vahainen' | 'kohtalainen' | 'vakava', status: 'korjattu' | 'asiakas-informoitu', handled: Record<string, string>) =>
        create('complaint', { ...openComplaint, ...meta(), careHomeId: home.id, receivedDate, severity, status, nextStepDue: '2026-11-30', ...handled });
      await store.records.commit({
        at,
        writes: [
          // Corrected at 00:30 in Helsinki on 3 Nov (22:30 UTC the day before): four days, by the company's calendar.
          complaint(ahtari, '2026-10-30', 'vakava', 'asiakas-informoitu', { correctedAt: '2026-11-02T22:30:00.000Z', informedAt: '2026-11-05T08:00:00.000Z' }),
          complaint(koivukoti, '2026-11-01', 'vahainen', 'korjattu', { correctedAt: '2026-11-03T08:00:00.000Z' }),
        ],
        outbox: [],
      });
      const board = await store.queries.complaintBoard({ statuses: ['toimenpiteet-sovittu', 'korjattu', 'suljettu'], limitPerColumn: 10 });
      assert.deepEqual(board.complaints.map((c) => [c.status, c.receivedDate]), [['toimenpiteet-sovittu', '2026-11-12'], ['korjattu', '2026-11-01'], ['suljettu', '2026-09-01']]);
      assert.deepEqual(board.counts.sort((a, b) => a.status.localeCompare(b.status)), [{ status: 'korjattu', count: 1 }, { status: 'suljettu', count: 1 }, { status: 'toimenpiteet-sovittu', count: 1 }]);
      const filtered = await store.queries.complaintBoard({ statuses: ['asiakas-informoitu', 'korjattu'], careHomeId: ahtari.id, severity: 'vakava', limitPerColumn: 1 });
      assert.deepEqual([filtered.complaints.map((c) => c.careHomeId), filtered.counts], [[ahtari.id], [{ status: 'asiakas-informoitu', count: 1 }]]);

      const period = { from: '2026-10-01', to: today };
      const counts = await store.queries.complaintCounts({ ...period, byHome: true });
      assert.deepEqual(
        counts.map((c) => [c.careHomeId === koivukoti.id ? 'koivukoti' : 'ahtari', c.severity, c.month, c.count]).sort(),
        [['ahtari', 'vakava', '2026-10', 1], ['koivukoti', 'kohtalainen', '2026-11', 1], ['koivukoti', 'vahainen', '2026-11', 1]],
        'the closed complaint of September is before the period',
      );
      assert.deepEqual(await store.queries.complaintCounts({ ...period, careHomeIds: [ahtari.id], byHome: false }), [{ severity: 'vakava', month: '2026-10', count: 1 }]);
      const medians = await store.queries.complaintHandlingMedians({ ...period, careHomeIds: [ahtari.id, koivukoti.id], byHome: true });
      assert.deepEqual(medians.map((m) => [m.careHomeId === koivukoti.id ? 'koivukoti' : 'ahtari', m.step, m.medianDays, m.count]).sort(), [['ahtari', 'corrected', 4, 1], ['ahtari', 'informed', 6, 1], ['koivukoti', 'corrected', 2, 1]]);
      assert.deepEqual(await store.queries.complaintHandlingMedians({ ...period, byHome: false }), [{ step: 'corrected', medianDays: 3, count: 2 }, { step: 'informed', medianDays: 6, count: 1 }]);

      // The summary's answers are kept between reads: a complaint written after them shows in the next read.
      await store.records.commit({ at, writes: [complaint(koivukoti, '2026-11-02', 'vakava', 'korjattu', { correctedAt: '2026-11-12T08:00:00.000Z' })], outbox: [] });
      assert.deepEqual(
        (await store.queries.complaintCounts({ ...period, careHomeIds: [koivukoti.id], byHome: false })).map((c) => [c.severity, c.count]).sort(),
        [['kohtalainen', 1], ['vahainen', 1], ['vakava', 1]],
      );
      assert.deepEqual(await store.queries.complaintHandlingMedians({ ...period, byHome: false }), [{ step: 'corrected', medianDays: 4, count: 3 }, { step: 'informed', medianDays: 6, count: 1 }]);
    });
  });
}

import assert from 'node:assert/strict';
import { isoWeek, mondayOf, weeklyDigest, type DigestInput } from '../../../src/domain/metrics/weekly-digest.js';
import type { Complaint } from '../../../src/domain/records/complaint.js';
import type { Place } from '../../../src/domain/records/place.js';

const meta = { version: 1, createdAt: '2026-10-01T08:00:00.000Z', createdBy: 'u', updatedAt: '2026-10-01T08:00:00.000Z' };
const homeId = '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
const actor = { id: 'u', name: 'Kaisa' };
const place = (id: string, status: Place['status'], freeFrom?: string): Place => ({
  ...meta,
  id: `00000000-0000-4000-8000-00000000000${id}`,
  careHomeId: homeId,
  label: `A${id}`,
  serviceType: 'ymparivuorokautinen',
  customerGroup: 'ikaantyneet',
  status,
  ...(freeFrom ? { freeFrom } : {}),
});
const complaint = (id: string, status: Complaint['status'], nextStepDue?: string): Complaint => ({
  ...meta,
  id: `10000000-0000-4000-8000-00000000000${id}`,
  customerId: 'c1',
  careHomeId: homeId,
  receivedDate: '2026-11-01',
  channel: 'puhelin',
  matter: 'Asia',
  severity: 'kohtalainen',
  status,
  recordedBy: actor,
  ...(nextStepDue ? { nextStepDue } : {}),
});

const input = (over: Partial<DigestInput> = {}): DigestInput => ({
  today: '2026-11-23',
  customers: [
    { id: 'c1', name: 'Espoon kaupunki' },
    { id: 'c2', name: 'Vantaan kaupunki' },
    { id: 'c3', name: 'Turun kaupunki' },
    { id: 'c4', name: 'Salon kaupunki' },
  ],
  entries: [
    { customerIds: ['c1'], date: '2026-11-10' }, // 13 days: not quiet
    { customerIds: ['c2'], date: '2026-11-09' }, // 14 days: quiet
    { customerIds: ['c3', 'c1'], date: '2026-10-01' }, // an event two municipalities attended
    { customerIds: ['c2'], date: '2026-12-01' }, // a planned date ahead is not an entry yet
  ],
  places: [],
  homes: [{ id: homeId, name: 'Koivukoti' }],
  complaints: [],
  ...over,
});

describe('the Monday digest (seed 002: no entries for two weeks)', () => {
  it('lists customers with no entry for 14 days or more, never-contacted first, longest silence next', () => {
    const { quietCustomers } = weeklyDigest(input());
    assert.deepEqual(
      quietCustomers.map((c) => [c.name, c.daysSince]),
      [
        ['Salon kaupunki', undefined],
        ['Turun kaupunki', 53],
        ['Vantaan kaupunki', 14],
      ],
    );
    assert.equal(quietCustomers[2]!.lastEntryDate, '2026-11-09', 'a planned future date does not count as contact');
  });

  it('lists places free for 14 days or more, a freeing place counting from its date', () => {
    const { longFreePlaces } = weeklyDigest(
      input({ places: [place('1', 'vapaa', '2026-11-10'), place('2', 'vapaa', '2026-11-09'), place('3', 'vapautuu', '2026-11-01'), place('4', 'kaytossa'), place('5', 'alustavasti-varattu', '2026-10-01')] }),
    );
    assert.deepEqual(longFreePlaces.map((p) => [p.label, p.daysFree]), [['A3', 22], ['A2', 14]]);
  });

  it('lists open complaints whose next step is past its target date, not closed ones or ones due today', () => {
    const { overdueComplaints } = weeklyDigest(
      input({ complaints: [complaint('1', 'vastaanotettu', '2026-11-20'), complaint('2', 'korjattu', '2026-11-23'), complaint('3', 'suljettu', '2026-11-01'), complaint('4', 'toimenpiteet-sovittu', '2026-11-02')] }),
    );
    assert.deepEqual(overdueComplaints.map((c) => [c.complaintId.slice(-1), c.status, c.daysOverdue]), [['4', 'toimenpiteet-sovittu', 21], ['1', 'vastaanotettu', 3]]);
    assert.equal(overdueComplaints[0]!.customerName, 'Espoon kaupunki');
    assert.equal(overdueComplaints[0]!.careHomeName, 'Koivukoti');
  });

  it('counts the entries of the last seven days (quantity first)', () => {
    const { entriesLastWeek } = weeklyDigest(input({ entries: [{ customerIds: ['c1'], date: '2026-11-16' }, { customerIds: ['c1'], date: '2026-11-22' }, { customerIds: ['c1'], date: '2026-11-15' }, { customerIds: ['c1'], date: '2026-11-23' }] }));
    assert.equal(entriesLastWeek, 2);
  });

  it('knows Mondays and ISO week numbers, across a year end', () => {
    assert.equal(mondayOf('2026-11-23'), '2026-11-23');
    assert.equal(mondayOf('2026-11-29'), '2026-11-23');
    assert.equal(mondayOf('2027-01-01'), '2026-12-28');
    assert.equal(isoWeek('2026-11-23').label, '2026-W48');
    assert.equal(isoWeek('2027-01-01').label, '2026-W53');
    assert.equal(isoWeek('2027-01-04').label, '2027-W01');
  });
});

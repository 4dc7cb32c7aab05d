import assert from 'node:assert/strict';
import { advanceComplaintCommand } from '../../../src/domain/commands/advance-complaint.js';
import { receiveComplaintCommand } from '../../../src/domain/commands/receive-complaint.js';
import {
  actionsAgreedDue,
  advance,
  complaintHistory,
  ComplaintStepRefused,
  complaintSteps,
  isClosed,
  lastStep,
  nextStep,
  type StepContext,
} from '../../../src/domain/complaints/complaint-lifecycle.js';
import { complaintSchema, complaintStatuses, type Complaint } from '../../../src/domain/records/complaint.js';
import { fieldErrorsFrom } from '../../../src/domain/validation.js';

const kaisa = { id: 'u-kaisa', name: 'Kaisa Kotijohtaja' };
const jukka = { id: 'u-jukka', name: 'Jukka Järvinen' };
const received: Complaint = {
  id: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
  version: 1,
  createdAt: '2026-11-23T08:00:00.000Z',
  createdBy: kaisa.id,
  updatedAt: '2026-11-23T08:00:00.000Z',
  customerId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  careHomeId: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
  receivedDate: '2026-11-20',
  channel: 'puhelin',
  matter: 'Lääkehoidon kirjaukset puutteellisia',
  severity: 'kohtalainen',
  status: 'vastaanotettu',
  nextStepDue: '2026-11-25',
  recordedBy: kaisa,
};
const on = (day: string, actor = jukka): StepContext => ({ actor, at: `${day}T10:00:00.000Z`, today: day });

/** Every step in order, as the card offers them; each result is a valid stored complaint. */
function handledToTheEnd(): Complaint[] {
  const agreed = advance(received, { step: 'toimenpiteet-sovittu', correctiveActions: 'Kirjauskoulutus koko henkilöstölle', correctionDue: '2026-12-15' }, on('2026-11-24'));
  const corrected = advance(agreed, { step: 'korjattu' }, on('2026-12-10', kaisa));
  const informed = advance(corrected, { step: 'asiakas-informoitu', replyText: 'Kirjallinen vastaus kunnalle' }, on('2026-12-11'));
  const closed = advance(informed, { step: 'suljettu' }, on('2026-12-18', kaisa));
  return [agreed, corrected, informed, closed];
}

describe('complaint lifecycle', () => {
  it('goes received → actions agreed → corrected → customer informed → closed, and nothing after', () => {
    assert.deepEqual(['vastaanotettu', ...complaintSteps], [...complaintStatuses], 'the steps follow the record\'s statuses');
    assert.deepEqual(
      complaintStatuses.map((s) => nextStep(s)),
      ['toimenpiteet-sovittu', 'korjattu', 'asiakas-informoitu', 'suljettu', undefined],
    );
    assert.equal(isClosed('suljettu'), true);
    assert.equal(isClosed('korjattu'), false);
  });

  it('sets the target for agreeing actions by severity, counted from the day the complaint came in', () => {
    assert.equal(actionsAgreedDue('2026-11-20', 'vakava'), '2026-11-22');
    assert.equal(actionsAgreedDue('2026-11-20', 'kohtalainen'), '2026-11-25');
    assert.equal(actionsAgreedDue('2026-11-20', 'vahainen'), '2026-11-30');
    assert.equal(actionsAgreedDue('2026-12-30', 'kohtalainen'), '2027-01-04', 'across the year end');
  });

  it('records who and when at every step, with the next step\'s target date until it is closed', () => {
    const [agreed, corrected, informed, closed] = handledToTheEnd() as [Complaint, Complaint, Complaint, Complaint];
    assert.equal(agreed.status, 'toimenpiteet-sovittu');
    assert.equal(agreed.correctiveActions, 'Kirjauskoulutus koko henkilöstölle');
    assert.deepEqual([agreed.actionsAgreedBy, agreed.actionsAgreedAt], [jukka, '2026-11-24T10:00:00.000Z']);
    assert.equal(agreed.nextStepDue, '2026-12-15', 'the correction\'s target date');

    assert.equal(corrected.status, 'korjattu');
    assert.deepEqual([corrected.correctedBy, corrected.correctedAt], [kaisa, '2026-12-10T10:00:00.000Z']);
    assert.equal(corrected.nextStepDue, '2026-12-13', 'the municipality is told within three days');

    assert.equal(informed.status, 'asiakas-informoitu');
    assert.equal(informed.replyText, 'Kirjallinen vastaus kunnalle');
    assert.deepEqual([informed.informedBy, informed.informedAt], [jukka, '2026-12-11T10:00:00.000Z']);
    assert.equal(informed.nextStepDue, '2026-12-18');

    assert.equal(closed.status, 'suljettu');
    assert.deepEqual([closed.closedBy, closed.closedAt], [kaisa, '2026-12-18T10:00:00.000Z']);
    assert.equal(closed.nextStepDue, undefined, 'nothing is due once closed');
    assert.equal('nextStepDue' in closed, false);
    for (const c of [agreed, corrected, informed, closed]) complaintSchema.parse(c);
  });

  it('leaves the reply out when the municipality was informed without a written one', () => {
    const [agreed] = handledToTheEnd() as [Complaint];
    const corrected = advance(agreed, { step: 'korjattu' }, on('2026-12-10'));
    const informed = advance(corrected, { step: 'asiakas-informoitu' }, on('2026-12-11'));
    assert.equal(informed.replyText, undefined);
  });

  it('refuses a step that is not the next one: no skipping, no repeating, nothing after closing', () => {
    assert.throws(() => advance(received, { step: 'korjattu' }, on('2026-11-24')), ComplaintStepRefused);
    assert.throws(() => advance(received, { step: 'suljettu' }, on('2026-11-24')), ComplaintStepRefused);
    const [agreed, , , closed] = handledToTheEnd() as [Complaint, Complaint, Complaint, Complaint];
    assert.throws(
      () => advance(agreed, { step: 'toimenpiteet-sovittu', correctiveActions: 'x', correctionDue: '2026-12-20' }, on('2026-11-25')),
      ComplaintStepRefused,
    );
    assert.throws(() => advance(closed, { step: 'suljettu' }, on('2026-12-19')), (e: unknown) => e instanceof ComplaintStepRefused && e.from === 'suljettu');
  });

  it('keeps the history of steps, oldest first, and knows who moved it last', () => {
    assert.deepEqual(complaintHistory(received), [{ status: 'vastaanotettu', by: kaisa, at: received.createdAt }]);
    assert.deepEqual(lastStep(received), { status: 'vastaanotettu', by: kaisa, at: received.createdAt });
    const closed = handledToTheEnd()[3]!;
    assert.deepEqual(
      complaintHistory(closed).map((h) => [h.status, h.by.name]),
      [
        ['vastaanotettu', 'Kaisa Kotijohtaja'],
        ['toimenpiteet-sovittu', 'Jukka Järvinen'],
        ['korjattu', 'Kaisa Kotijohtaja'],
        ['asiakas-informoitu', 'Jukka Järvinen'],
        ['suljettu', 'Kaisa Kotijohtaja'],
      ],
    );
    assert.deepEqual(lastStep(handledToTheEnd()[1]!), { status: 'korjattu', by: kaisa, at: '2026-12-10T10:00:00.000Z' });
  });
});

describe('complaint commands', () => {
  const today = '2026-11-23';
  const form = {
    requestId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
    customerId: received.customerId,
    careHomeId: received.careHomeId,
    receivedDate: today,
    channel: 'sahkoposti',
    matter: 'Hoitajia liian vähän iltavuorossa',
    severity: 'vakava',
  };
  const errorsOf = (result: { success: boolean; error?: unknown }) =>
    result.success ? [] : fieldErrorsFrom(result.error as Parameters<typeof fieldErrorsFrom>[0]).map((e) => `${e.field}:${e.key}`);

  it('accepts a complaint received today or earlier, not in the future', () => {
    assert.deepEqual(errorsOf(receiveComplaintCommand(today).safeParse(form)), []);
    assert.deepEqual(errorsOf(receiveComplaintCommand(today).safeParse({ ...form, receivedDate: '2026-11-01' })), []);
    assert.deepEqual(errorsOf(receiveComplaintCommand(today).safeParse({ ...form, receivedDate: '2026-11-24' })), ['receivedDate:complaint.receivedInFuture']);
  });

  it('refuses a personal identity code in the matter, and unknown channels and severities', () => {
    assert.deepEqual(
      errorsOf(receiveComplaintCommand(today).safeParse({ ...form, matter: 'Asukas 131052-308T kaatui', channel: 'fax', severity: 'kamala' })),
      ['channel:validation.invalidChoice', 'matter:privacy.personalIdentityCode', 'severity:validation.invalidChoice'],
    );
  });

  it('needs the actions and a correction date not in the past to agree actions', () => {
    const card = { requestId: form.requestId, complaintId: received.id, version: '1' };
    const agree = advanceComplaintCommand(today);
    assert.deepEqual(errorsOf(agree.safeParse({ ...card, step: 'toimenpiteet-sovittu', correctiveActions: 'Koulutus', correctionDue: today })), []);
    assert.deepEqual(errorsOf(agree.safeParse({ ...card, step: 'toimenpiteet-sovittu' })), ['correctiveActions:validation.required', 'correctionDue:validation.required']);
    assert.deepEqual(
      errorsOf(agree.safeParse({ ...card, step: 'toimenpiteet-sovittu', correctiveActions: 'Koulutus', correctionDue: '2026-11-22' })),
      ['correctionDue:complaint.correctionDueInPast'],
    );
    assert.deepEqual(errorsOf(agree.safeParse({ ...card, step: 'korjattu' })), []);
    assert.deepEqual(errorsOf(agree.safeParse({ ...card, step: 'asiakas-informoitu', replyText: 'Vastaus: 131052-308T' })), ['replyText:privacy.personalIdentityCode']);
    assert.notDeepEqual(errorsOf(agree.safeParse({ ...card, step: 'vastaanotettu' })), [], 'receiving is not a step taken from the card');
    const parsed = agree.parse({ ...card, step: 'suljettu' });
    assert.equal(parsed.version, 1, 'the card\'s version arrives as a number');
  });
});

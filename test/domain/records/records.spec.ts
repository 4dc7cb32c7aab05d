import assert from 'node:assert/strict';
import type { z } from 'zod';
import {
  agreementInputSchema,
  complaintInputSchema,
  contactInputSchema,
  contactLogEntryInputSchema,
  customerInputSchema,
  customerPlanInputSchema,
  developmentMeetingInputSchema,
  homeEventInputSchema,
  noteInputSchema,
  personInputSchema,
  placeInputSchema,
  recordSchemas,
  supervisionVisitInputSchema,
  careHomeInputSchema,
  containsPersonalIdentityCode,
} from '../../../src/domain/records/index.js';
import { fieldErrorsFrom } from '../../../src/domain/validation.js';
import { isMessageKey } from '../../../src/i18n/messages.js';

const customerId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const homeId = '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
const actor = { id: 'u1', name: 'Riitta Aluejohtaja' };

/** One valid input per record kind: every record in DOMAIN.md has a schema, and these pass it. */
const valid = {
  customer: [customerInputSchema, { name: 'Espoon kaupunki', kind: 'kunta', businessId: '0101263-6', region: 'etela-suomi', segment: 'ostopalvelu', lifecyclePhase: 'pysyvyys' }],
  contact: [contactInputSchema, { customerId, name: 'Timo Toivonen', role: 'vanhuspalvelujen-johtaja', title: 'Vanhuspalvelujen päällikkö', personalNotes: 'Harrastaa suunnistusta' }],
  agreement: [agreementInputSchema, { customerId, kind: 'ostopalvelu', title: 'Tehostetun palveluasumisen ostopalvelusopimus 2025–2027', serviceTypes: ['ymparivuorokautinen'], pricePerDay: 142.5, startDate: '2025-01-01', endDate: '2027-12-31', optionYears: [2028, 2029], paymentCommitment: true }],
  careHome: [careHomeInputSchema, { name: 'Koivukoti', region: 'etela-suomi', city: 'Espoo', serviceTypes: ['ymparivuorokautinen'], customerGroups: ['ikaantyneet'] }],
  place: [placeInputSchema, { careHomeId: homeId, label: 'A12', serviceType: 'ymparivuorokautinen', customerGroup: 'ikaantyneet', status: 'vapautuu', freeFrom: '2026-12-01' }],
  contactLogEntry: [contactLogEntryInputSchema, { customerId, date: '2026-11-20', type: 'hintaneuvottelu', matter: 'Indeksikorotus 2027', agreedActions: 'Lähetetään korotuskirje', nextContactDate: '2026-12-04', nextContactTopic: 'Korotuskirjeen vastaus', recordedBy: actor }],
  supervisionVisit: [supervisionVisitInputSchema, { customerId, careHomeId: homeId, date: '2026-10-14', participants: 'Valvoja, kotijohtaja', findings: 'Lääkehoitosuunnitelma päivitettävä', specialMention: true, recordedBy: actor }],
  homeEvent: [homeEventInputSchema, { careHomeId: homeId, date: '2026-12-12', kind: 'joulujuhla', title: 'Joulujuhla', customerIds: [], attendingContactIds: [], specialMention: false, recordedBy: actor }],
  developmentMeeting: [developmentMeetingInputSchema, { kind: 'vuosittainen', customerId, startsAt: '2027-02-03T10:00:00+02:00', endsAt: '2027-02-03T11:30:00+02:00', participants: 'Vanhustyön päällikkö, aluejohtaja, kotijohtaja', recordedBy: actor }],
  complaint: [complaintInputSchema, { customerId, careHomeId: homeId, receivedDate: '2026-11-18', channel: 'puhelin', matter: 'Asukkaan ruokailu myöhästyi', severity: 'kohtalainen', status: 'vastaanotettu', recordedBy: actor }],
  customerPlan: [customerPlanInputSchema, { customerId, year: 2027, goal: 'Optiovuosi käyttöön', plannedEncounters: [{ month: 3, kind: 'kehityskokous', withRole: 'vanhuspalvelujen-johtaja' }] }],
  person: [personInputSchema, { userId: 'aad-1', name: 'Kaisa Kotijohtaja', roles: ['kotijohtaja'], careHomeIds: [homeId] }],
  note: [noteInputSchema, { customerId, matter: 'Kunta suunnittelee uutta kilpailutusta keväällä', specialMention: true, direction: 'myynnista-tuotantoon', recordedBy: actor }],
} satisfies Record<keyof typeof recordSchemas, [z.ZodType, Record<string, unknown>]>;

function errorsOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  assert.equal(result.success, false, 'expected the input to be refused');
  return fieldErrorsFrom(result.error!);
}

describe('record schemas', () => {
  for (const [kind, [schema, input]] of Object.entries(valid)) {
    it(`accepts a valid ${kind}`, () => {
      const result = schema.safeParse(input);
      assert.ok(result.success, JSON.stringify(result.error?.issues));
    });
  }

  it('has a stored schema for every record kind, with id, version and timestamps', () => {
    for (const [kind, schema] of Object.entries(recordSchemas)) {
      for (const field of ['id', 'version', 'createdAt', 'updatedAt']) assert.ok(field in schema.shape, `${kind}.${field}`);
    }
  });

  it('refuses a malformed business id', () => {
    assert.deepEqual(errorsOf(customerInputSchema, { ...valid.customer[1], businessId: '0101263' }), [{ field: 'businessId', key: 'customer.invalidBusinessId' }]);
  });

  it('asks for a topic when a next contact date is set', () => {
    const { nextContactTopic: _t, ...noTopic } = valid.contactLogEntry[1];
    assert.deepEqual(errorsOf(contactLogEntryInputSchema, noTopic), [{ field: 'nextContactTopic', key: 'contactLog.nextContactTopicRequired' }]);
  });

  it('refuses unknown choices and dates in the wrong order', () => {
    assert.deepEqual(errorsOf(complaintInputSchema, { ...valid.complaint[1], severity: 'kamala' }), [{ field: 'severity', key: 'validation.invalidChoice' }]);
    assert.deepEqual(errorsOf(agreementInputSchema, { ...valid.agreement[1], endDate: '2024-12-31' }), [{ field: 'endDate', key: 'agreement.endBeforeStart' }]);
    assert.deepEqual(errorsOf(developmentMeetingInputSchema, { ...valid.developmentMeeting[1], endsAt: '2027-02-03T09:00:00+02:00' }), [{ field: 'endsAt', key: 'meeting.endsBeforeStart' }]);
    const { customerId: _c, ...noCustomer } = valid.developmentMeeting[1];
    assert.deepEqual(errorsOf(developmentMeetingInputSchema, noCustomer), [{ field: 'customerId', key: 'meeting.customerRequired' }]);
  });

  it('has a translation for every message key the schemas use', () => {
    for (const key of ['customer.invalidBusinessId', 'contactLog.nextContactTopicRequired', 'agreement.endBeforeStart', 'meeting.endsBeforeStart', 'meeting.customerRequired', 'privacy.personalIdentityCode']) {
      assert.ok(isMessageKey(key), key);
    }
  });
});

describe('privacy: no personal identity codes in free text', () => {
  it('recognises henkilötunnus forms, including the 2023 century signs', () => {
    for (const code of ['131052-308T', '010594Y9021', '020502E902X', '311299+1236', 'asukas 131052-308T kaatui']) {
      assert.ok(containsPersonalIdentityCode(code), code);
    }
    for (const text of ['Asukkaan ruokailu myöhästyi', 'Huone A12 vapautuu 1.12.2026', 'Y-tunnus 0101263-6', 'puh. 040-1234567']) {
      assert.ok(!containsPersonalIdentityCode(text), text);
    }
  });

  it('refuses a complaint matter, a contact log entry and a visit finding holding one', () => {
    assert.deepEqual(errorsOf(complaintInputSchema, { ...valid.complaint[1], matter: 'Asukas 131052-308T ei saanut lääkettä' }), [{ field: 'matter', key: 'privacy.personalIdentityCode' }]);
    assert.deepEqual(errorsOf(contactLogEntryInputSchema, { ...valid.contactLogEntry[1], agreedActions: 'Selvitetään 010594Y9021 asia' }), [{ field: 'agreedActions', key: 'privacy.personalIdentityCode' }]);
    assert.deepEqual(errorsOf(supervisionVisitInputSchema, { ...valid.supervisionVisit[1], findings: 'hetu 311299+1236' }), [{ field: 'findings', key: 'privacy.personalIdentityCode' }]);
  });
});

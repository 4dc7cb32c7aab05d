import { fixedClock } from '../../../src/clock.js';
import { stableIdFor } from '../../../src/domain/stable-id.js';
import type { RecordKind, RecordOf } from '../../../src/store/record-kinds.js';
import { seedDemoData } from '../../../src/store/seed/demo-data.js';
import type { RecordWrite, Store } from '../../../src/store/store-port.js';

/**
 * Records of every kind for the SharePoint list tests: the demo seed's own records (customers, contacts, care
 * homes, places, people — what a fresh local install stores), plus one record of each kind with every
 * optional field filled and one with none. Timestamps are whole seconds: SharePoint keeps no milliseconds
 * (field-mapping.ts), which a test shows separately.
 */
export const at = '2026-11-23T08:15:30.000Z';
const meta = { version: 3, createdAt: '2026-11-20T07:00:00.000Z', createdBy: 'test', updatedAt: at };

export const ids = {
  customer: stableIdFor('sample:customer'),
  careHome: stableIdFor('sample:careHome'),
  contact: stableIdFor('sample:contact'),
  otherCustomer: stableIdFor('sample:customer2'),
};
const actor = (name: string) => ({ id: `29:1${name.toLowerCase()}`, name });

/** Everything set, for each kind. */
export const fullRecords: { [K in RecordKind]: RecordOf<K> } = {
  customer: {
    ...meta,
    id: ids.customer,
    name: 'Espoon kaupunki',
    kind: 'kunta',
    businessId: '0101263-6',
    region: 'etela-suomi',
    segment: 'ostopalvelu',
    lifecyclePhase: 'pysyvyys',
    address: 'Kirkkojärventie 6, 02770 Espoo',
    phone: '+358 9 81621',
    email: 'kirjaamo@espoo.example',
    developmentWishes: 'Enemmän lyhytaikaisia paikkoja kesäksi.\nToinen rivi.',
    serviceNeeds: 'Tehostettu palveluasuminen, muistisairaat',
    responsiblePersonIds: ['user-aluejohtaja', 'user-myynti'],
  },
  careHome: {
    ...meta,
    id: ids.careHome,
    name: 'Koivukoti',
    region: 'etela-suomi',
    city: 'Espoo',
    serviceTypes: ['ymparivuorokautinen', 'lyhytaikainen'],
    customerGroups: ['ikaantyneet', 'mielenterveys'],
    directorId: 'user-kotijohtaja',
  },
  contact: {
    ...meta,
    id: ids.contact,
    customerId: ids.customer,
    name: 'Sari Salminen',
    role: 'palvelujohtaja',
    title: 'Sosiaali- ja terveysjohtaja',
    email: 'sari.salminen@espoo.example',
    phone: '+358 40 123 4567',
    personalNotes: 'Pelaa tennistä; kysy kesälomasta.',
  },
  agreement: {
    ...meta,
    id: stableIdFor('sample:agreement'),
    customerId: ids.customer,
    kind: 'ostopalvelu',
    title: 'Tehostetun palveluasumisen ostopalvelusopimus 2025–2027',
    serviceDescription: 'Ympärivuorokautinen hoiva, 20 paikkaa.',
    serviceTypes: ['ymparivuorokautinen'],
    pricePerDay: 148.75,
    startDate: '2025-01-01',
    endDate: '2027-12-31',
    optionYears: [2028, 2029],
    paymentCommitment: false,
  },
  place: {
    ...meta,
    id: stableIdFor('sample:place'),
    careHomeId: ids.careHome,
    label: 'A12',
    serviceType: 'ymparivuorokautinen',
    customerGroup: 'ikaantyneet',
    status: 'alustavasti-varattu',
    freeFrom: '2026-03-29',
    note: 'Ikkuna etelään',
    statusChangedBy: actor('Kaisa'),
    statusChangedAt: '2026-11-22T22:30:00.000Z',
    reservedForCustomerId: ids.otherCustomer,
    reservedBy: actor('Mikko'),
    reservedAt: '2026-11-23T06:00:01.000Z',
  },
  contactLogEntry: {
    ...meta,
    id: stableIdFor('sample:contactLogEntry'),
    customerId: ids.customer,
    date: '2026-10-25',
    type: 'hintaneuvottelu',
    matter: 'Hinnantarkistus ensi vuodelle.',
    agreedActions: 'Lähetetään tarjous viikolla 48.',
    nextContactDate: '2026-12-01',
    nextContactTopic: 'Tarjouksen läpikäynti',
    recordedBy: actor('Mikko'),
  },
  supervisionVisit: {
    ...meta,
    id: stableIdFor('sample:supervisionVisit'),
    customerId: ids.customer,
    careHomeId: ids.careHome,
    date: '2026-11-02',
    participants: 'Sari Salminen, Hanna Heikkilä',
    findings: 'Ei huomautettavaa.',
    followUpActions: 'Lääkehoitosuunnitelma päivitetään.',
    specialMention: true,
    recordedBy: actor('Anna'),
  },
  homeEvent: {
    ...meta,
    id: stableIdFor('sample:homeEvent'),
    careHomeId: ids.careHome,
    date: '2026-12-12',
    kind: 'joulujuhla',
    title: 'Koivukodin joulujuhla',
    customerIds: [ids.customer, ids.otherCustomer],
    attendingContactIds: [ids.contact],
    whatCameUp: 'Kunta kiitti ulkoilusta.',
    specialMention: false,
    recordedBy: actor('Kaisa'),
  },
  developmentMeeting: {
    ...meta,
    id: stableIdFor('sample:developmentMeeting'),
    kind: 'vuosittainen',
    customerId: ids.customer,
    careHomeId: ids.careHome,
    startsAt: '2026-06-01T07:00:00.000Z',
    endsAt: '2026-06-01T09:30:00.000Z',
    participants: 'Sari Salminen, Anna Aluejohtaja',
    memo: 'Käytiin läpi vuoden tavoitteet.',
    feedback: 'Hyvää palautetta omaisilta.',
    developmentItems: 'Viriketoiminta iltaisin.',
    calendarEventId: 'AAMkAGI2TG93AAA=',
    recordedBy: actor('Anna'),
  },
  complaint: {
    ...meta,
    id: stableIdFor('sample:complaint'),
    customerId: ids.customer,
    careHomeId: ids.careHome,
    receivedDate: '2026-01-31',
    channel: 'sahkoposti',
    matter: 'Ruoka-ajat myöhässä viikonloppuisin.',
    severity: 'kohtalainen',
    status: 'suljettu',
    correctiveActions: 'Keittiön vuorolistat muutettu.',
    replyText: 'Kiitos palautteesta; asia on korjattu.',
    actionsAgreedAt: '2026-02-01T08:00:00.000Z',
    actionsAgreedBy: actor('Kaisa'),
    correctedAt: '2026-02-10T12:00:00.000Z',
    correctedBy: actor('Kaisa'),
    informedAt: '2026-02-11T09:00:00.000Z',
    informedBy: actor('Anna'),
    closedAt: '2026-02-12T10:00:00.000Z',
    closedBy: actor('Quentin'),
    nextStepDue: '2026-02-15',
    recordedBy: actor('Kaisa'),
  },
  customerPlan: {
    ...meta,
    id: stableIdFor('sample:customerPlan'),
    customerId: ids.customer,
    year: 2027,
    goal: 'Sopimuksen jatko optiovuodella.',
    targets: 'Käyttöaste 95 %',
    responsibilities: 'Aluejohtaja ja myynti',
    actions: 'Kehityskokous keväällä',
    plannedEncounters: [
      { month: 3, kind: 'kehityskokous', withRole: 'palvelujohtaja', note: 'Vuosikokous' },
      { month: 9, kind: 'hintaneuvottelu', withRole: 'vanhuspalvelujen-johtaja' },
    ],
  },
  person: {
    ...meta,
    id: stableIdFor('sample:person'),
    userId: '00000000-0000-4000-8000-00000000aa01',
    name: 'Kaisa Kotijohtaja',
    email: 'kaisa@hoiva.example',
    roles: ['kotijohtaja', 'vastaava-hoitaja'],
    careHomeIds: [ids.careHome],
    region: 'etela-suomi',
  },
  note: {
    ...meta,
    id: stableIdFor('sample:note'),
    customerId: ids.customer,
    careHomeId: ids.careHome,
    matter: 'Kunta suunnittelee uutta kilpailutusta syksyllä.',
    specialMention: true,
    direction: 'myynnista-tuotantoon',
    recordedBy: actor('Mikko'),
  },
};

/** Only what is required, for each kind. */
export const minimalRecords: { [K in RecordKind]: RecordOf<K> } = {
  customer: { ...meta, id: stableIdFor('min:customer'), name: 'Salon kaupunki', kind: 'kunta', region: 'lounais-suomi', segment: 'palveluseteli', lifecyclePhase: 'hankinta' },
  careHome: { ...meta, id: stableIdFor('min:careHome'), name: 'Vehkakoti', region: 'lounais-suomi', city: 'Raisio', serviceTypes: ['yhteisollinen'], customerGroups: ['mielenterveys'] },
  contact: { ...meta, id: stableIdFor('min:contact'), customerId: ids.customer, name: 'Timo Toivonen', role: 'muu' },
  agreement: {
    ...meta,
    id: stableIdFor('min:agreement'),
    customerId: ids.customer,
    kind: 'palveluseteli',
    title: 'Palveluseteli',
    serviceTypes: ['yhteisollinen', 'lyhytaikainen'],
    startDate: '2026-07-01',
    paymentCommitment: true,
  },
  place: { ...meta, id: stableIdFor('min:place'), careHomeId: ids.careHome, label: 'Huone 4', serviceType: 'lyhytaikainen', customerGroup: 'mielenterveys', status: 'kaytossa' },
  contactLogEntry: { ...meta, id: stableIdFor('min:contactLogEntry'), customerId: ids.customer, date: '2026-07-15', type: 'puhelu', matter: 'Soitto', recordedBy: actor('Mikko') },
  supervisionVisit: {
    ...meta,
    id: stableIdFor('min:supervisionVisit'),
    customerId: ids.customer,
    careHomeId: ids.careHome,
    date: '2026-07-15',
    participants: 'Hanna',
    findings: 'Kunnossa',
    specialMention: false,
    recordedBy: actor('Anna'),
  },
  homeEvent: {
    ...meta,
    id: stableIdFor('min:homeEvent'),
    careHomeId: ids.careHome,
    date: '2026-06-20',
    kind: 'kesajuhla',
    title: 'Kesäjuhla',
    customerIds: [],
    attendingContactIds: [],
    specialMention: false,
    recordedBy: actor('Kaisa'),
  },
  developmentMeeting: {
    ...meta,
    id: stableIdFor('min:developmentMeeting'),
    kind: 'neljannesvuosittainen',
    startsAt: '2026-04-01T10:00:00.000Z',
    endsAt: '2026-04-01T11:00:00.000Z',
    participants: 'Myynti ja tuotanto',
    recordedBy: actor('Anna'),
  },
  complaint: {
    ...meta,
    id: stableIdFor('min:complaint'),
    customerId: ids.customer,
    careHomeId: ids.careHome,
    receivedDate: '2026-11-23',
    channel: 'puhelin',
    matter: 'Palaute',
    severity: 'vahainen',
    status: 'vastaanotettu',
    recordedBy: actor('Kaisa'),
  },
  customerPlan: { ...meta, id: stableIdFor('min:customerPlan'), customerId: ids.customer, year: 2026, goal: 'Uusi asiakkuus', plannedEncounters: [] },
  person: { ...meta, id: stableIdFor('min:person'), userId: 'user-min', name: 'Mikko Myynti', roles: ['myynti'] },
  note: { ...meta, id: stableIdFor('min:note'), customerId: ids.customer, matter: 'Tieto', specialMention: false, direction: 'tuotannosta-myyntiin', recordedBy: actor('Kaisa') },
};

/** The records the demo seed stores in a fresh local install, captured from seedDemoData. */
export async function demoSeedRecords(): Promise<RecordWrite[]> {
  let writes: RecordWrite[] = [];
  const capture = {
    records: {
      list: async () => [],
      get: async () => undefined,
      commit: async (changes: { writes: RecordWrite[] }) => {
        writes = changes.writes;
        return { applied: true as const };
      },
    },
  } as unknown as Store;
  await seedDemoData(capture, fixedClock('2026-11-23T06:00:00.000Z'));
  return writes;
}

import type { RecordKind } from '../record-kinds.js';

/**
 * What people see in the SharePoint list views (issue 4: "people also see and edit them in SharePoint list
 * views"): Finnish list and column display names. The internal (API) names stay English PascalCase and never
 * change; a display name may be renamed in SharePoint without breaking anything, and provisioning leaves a
 * renamed display name alone.
 */
export const listDisplayNames: Record<RecordKind, string> = {
  customer: 'HoivaCRM Asiakkaat',
  contact: 'HoivaCRM Yhteyshenkilöt',
  agreement: 'HoivaCRM Sopimukset',
  careHome: 'HoivaCRM Palvelutalot',
  place: 'HoivaCRM Paikat',
  contactLogEntry: 'HoivaCRM Yhteydenotot',
  supervisionVisit: 'HoivaCRM Valvontakäynnit',
  homeEvent: 'HoivaCRM Tilaisuudet',
  developmentMeeting: 'HoivaCRM Kehityskokoukset',
  complaint: 'HoivaCRM Reklamaatiot',
  customerPlan: 'HoivaCRM Asiakkuussuunnitelmat',
  person: 'HoivaCRM Henkilöt',
  note: 'HoivaCRM Tiedot',
};

/** Column display names by record field; a kind-specific entry wins where one word means two things. */
const fieldLabels: Record<string, string> = {
  id: 'HoivaCRM-tunnus',
  version: 'HoivaCRM-versio',
  createdAt: 'Luotu (HoivaCRM)',
  createdBy: 'Luoja (HoivaCRM)',
  updatedAt: 'Päivitetty (HoivaCRM)',
  customerId: 'Asiakas',
  careHomeId: 'Palvelutalo',
  reservedForCustomerId: 'Varattu asiakkaalle',
  name: 'Nimi',
  businessId: 'Y-tunnus',
  region: 'Alue',
  segment: 'Asiakkuustyyppi',
  lifecyclePhase: 'Asiakkuuden vaihe',
  address: 'Osoite',
  phone: 'Puhelin',
  email: 'Sähköposti',
  developmentWishes: 'Kehitystoiveet',
  serviceNeeds: 'Palvelutarpeet',
  responsiblePersonIds: 'Vastuuhenkilöt',
  role: 'Rooli',
  title: 'Otsikko',
  personalNotes: 'Muistiinpanot',
  kind: 'Tyyppi',
  serviceDescription: 'Palvelukuvaus',
  serviceTypes: 'Palvelumuodot',
  pricePerDay: 'Hinta €/vrk',
  startDate: 'Alkaa',
  endDate: 'Päättyy',
  optionYears: 'Optiovuodet',
  paymentCommitment: 'Maksusitoumus',
  city: 'Paikkakunta',
  customerGroups: 'Asiakasryhmät',
  directorId: 'Johtajan käyttäjätunnus',
  label: 'Paikka',
  serviceType: 'Palvelumuoto',
  customerGroup: 'Asiakasryhmä',
  status: 'Tila',
  freeFrom: 'Vapaa alkaen',
  note: 'Huomautus',
  statusChangedBy: 'Tilan muuttaja',
  statusChangedAt: 'Tila muuttui',
  reservedBy: 'Varaaja',
  reservedAt: 'Varattu',
  date: 'Päivämäärä',
  type: 'Tyyppi',
  matter: 'Asia',
  agreedActions: 'Sovitut toimenpiteet',
  nextContactDate: 'Seuraava yhteydenotto',
  nextContactTopic: 'Seuraavan yhteydenoton aihe',
  recordedBy: 'Kirjaaja',
  participants: 'Osallistujat',
  findings: 'Havainnot',
  followUpActions: 'Jatkotoimenpiteet',
  specialMention: 'Erityismaininta',
  customerIds: 'Osallistuneet asiakkaat',
  attendingContactIds: 'Osallistuneet yhteyshenkilöt',
  whatCameUp: 'Esiin tulleet asiat',
  startsAt: 'Alkaa',
  endsAt: 'Päättyy',
  memo: 'Muistio',
  feedback: 'Palaute',
  developmentItems: 'Kehityskohteet',
  calendarEventId: 'Kalenteritapahtuman tunnus',
  receivedDate: 'Vastaanotettu',
  channel: 'Kanava',
  severity: 'Vakavuus',
  correctiveActions: 'Korjaavat toimenpiteet',
  replyText: 'Vastaus',
  actionsAgreedAt: 'Toimenpiteet sovittu',
  actionsAgreedBy: 'Toimenpiteet sopinut',
  correctedAt: 'Korjattu',
  correctedBy: 'Korjaaja',
  informedAt: 'Asiakas informoitu',
  informedBy: 'Informoija',
  closedAt: 'Suljettu',
  closedBy: 'Sulkija',
  nextStepDue: 'Seuraavan vaiheen määräpäivä',
  year: 'Vuosi',
  goal: 'Päämäärä',
  targets: 'Tavoitteet',
  responsibilities: 'Vastuut',
  actions: 'Toimenpiteet',
  plannedEncounters: 'Vuosikello',
  userId: 'Käyttäjätunnus',
  roles: 'Roolit',
  careHomeIds: 'Palvelutalot',
  direction: 'Suunta',
  withdrawnAt: 'Peruttu',
  withdrawnBy: 'Perunut',
};

const kindFieldLabels: Partial<Record<RecordKind, Record<string, string>>> = {
  customer: { kind: 'Tilaajan tyyppi' },
  contact: { title: 'Tehtävänimike' },
  agreement: { kind: 'Sopimustyyppi' },
  homeEvent: { kind: 'Tilaisuuden tyyppi', title: 'Tilaisuus' },
  developmentMeeting: { kind: 'Kokoustyyppi' },
  contactLogEntry: { type: 'Yhteydenoton tyyppi' },
};

/** The Finnish column label of a record field; a field without one falls back to its name (a test lists them). */
export function fieldLabel(kind: RecordKind, field: string): string {
  return kindFieldLabels[kind]?.[field] ?? fieldLabels[field] ?? field;
}

export function hasFinnishLabel(kind: RecordKind, field: string): boolean {
  return kindFieldLabels[kind]?.[field] !== undefined || fieldLabels[field] !== undefined;
}

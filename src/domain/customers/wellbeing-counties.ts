import type { Region } from '../records/common.js';

/**
 * The purchasers of 2026 that organise social care (DOMAIN.md, "The customers of 2026"): the 21 wellbeing
 * services counties (hyvinvointialueet, in force 1.1.2023) and the City of Helsinki, which organises its
 * own. Each is paired with the company region whose sales deal with it (the company's three regions,
 * thesis 2.2: Etelä-Suomi, Lounais-Suomi, Sisä-Suomi), so the demo data and the real-size seed put a
 * county where its homes are. The names are the official ones; the demo's people are invented.
 */
export interface OrganisingPurchaser {
  name: string;
  kind: 'hyvinvointialue' | 'helsinki';
  region: Region;
}

const county = (name: string, region: Region): OrganisingPurchaser => ({ name: `${name} hyvinvointialue`, kind: 'hyvinvointialue', region });

export const organisingPurchasers: readonly OrganisingPurchaser[] = [
  county('Länsi-Uudenmaan', 'etela-suomi'),
  county('Vantaan ja Keravan', 'etela-suomi'),
  { name: 'Helsingin kaupunki', kind: 'helsinki', region: 'etela-suomi' },
  county('Keski-Uudenmaan', 'etela-suomi'),
  county('Itä-Uudenmaan', 'etela-suomi'),
  county('Kymenlaakson', 'etela-suomi'),
  county('Etelä-Karjalan', 'etela-suomi'),
  county('Varsinais-Suomen', 'lounais-suomi'),
  county('Satakunnan', 'lounais-suomi'),
  county('Pohjanmaan', 'lounais-suomi'),
  county('Pirkanmaan', 'sisa-suomi'),
  county('Keski-Suomen', 'sisa-suomi'),
  county('Kanta-Hämeen', 'sisa-suomi'),
  county('Päijät-Hämeen', 'sisa-suomi'),
  county('Etelä-Savon', 'sisa-suomi'),
  county('Pohjois-Savon', 'sisa-suomi'),
  county('Pohjois-Karjalan', 'sisa-suomi'),
  county('Etelä-Pohjanmaan', 'sisa-suomi'),
  county('Keski-Pohjanmaan', 'sisa-suomi'),
  county('Pohjois-Pohjanmaan', 'sisa-suomi'),
  county('Kainuun', 'sisa-suomi'),
  county('Lapin', 'sisa-suomi'),
];

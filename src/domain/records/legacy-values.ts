import { z } from 'zod';
import { serviceType, serviceTypes, type ServiceType } from './common.js';
import { contactRole, contactRoles, type ContactRole } from './contact.js';
import type { PurchaserKind } from './customer.js';

/**
 * The 2012 values (thesis 2.2, and every store written before migration 009) and the names people typed in
 * old sheets, mapped to the values of 2026 (DOMAIN.md, "The customers of 2026"). The record schemas accept
 * only the new values: old ones are translated where old data enters — the SQLite migration 009 (its SQL
 * spells out these same maps; test/store/sqlite/migration-009.spec.ts holds the two together), the
 * SharePoint reader (field-mapping.ts, so an item written before the choice columns changed reads with the
 * new values) and anything importing old sheets (the `…OfAnyEra` schemas). Never the other way round: a new
 * value is never written as an old one.
 */

/** The 2012 stored values of the service types. `lyhytaikainen` kept its value; only its name changed. */
export const legacyServiceTypeValues: Readonly<Record<string, ServiceType>> = {
  tehostettu: 'ymparivuorokautinen',
  palveluasuminen: 'yhteisollinen',
  lyhytaikainen: 'lyhytaikainen',
};

/** The 2012 stored values of the contacts' roles (the municipality's officials → the county's). */
export const legacyContactRoleValues: Readonly<Record<string, ContactRole>> = {
  'sote-johtaja': 'palvelujohtaja',
  'vanhustyon-paallikko': 'vanhuspalvelujen-johtaja',
};

/** Lower case, no diacritics or punctuation, single spaces: "Tehostettu  palveluasuminen" → "tehostettu palveluasuminen". */
function nameKey(name: string): string {
  return name
    .toLocaleLowerCase('fi')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .join(' ');
}

/** Names as old sheets and people write them (keys as nameKey makes them), old and new. */
const serviceTypeNames: Readonly<Record<string, ServiceType>> = {
  'tehostettu palveluasuminen': 'ymparivuorokautinen',
  'tehostettu': 'ymparivuorokautinen',
  'ymparivuorokautinen palveluasuminen': 'ymparivuorokautinen',
  'ymparivuorokautinen': 'ymparivuorokautinen',
  'palveluasuminen': 'yhteisollinen',
  'yhteisollinen asuminen': 'yhteisollinen',
  'yhteisollinen': 'yhteisollinen',
  'lyhytaikainen palveluasuminen': 'lyhytaikainen',
  'lyhytaikainen tilapainen asuminen': 'lyhytaikainen',
  'lyhytaikainen asuminen': 'lyhytaikainen',
  'tilapainen asuminen': 'lyhytaikainen',
  'lyhytaikainen': 'lyhytaikainen',
  'tilapainen': 'lyhytaikainen',
};

const contactRoleNames: Readonly<Record<string, ContactRole>> = {
  'sote johtaja': 'palvelujohtaja',
  'sosiaali ja terveysjohtaja': 'palvelujohtaja',
  'perusturvajohtaja': 'palvelujohtaja',
  'palvelujohtaja': 'palvelujohtaja',
  'vanhustyon paallikko': 'vanhuspalvelujen-johtaja',
  'vanhuspalvelujen johtaja': 'vanhuspalvelujen-johtaja',
  'sosiaalityontekija': 'sosiaalityontekija',
  'palveluohjaaja': 'sosiaalityontekija',
  'valvontaviranhaltija': 'valvontaviranhaltija',
  'muu': 'muu',
};

/** The service type a value of any era stands for (a stored value or a name), or undefined. */
export function serviceTypeOf(value: string): ServiceType | undefined {
  if ((serviceTypes as readonly string[]).includes(value)) return value as ServiceType;
  return legacyServiceTypeValues[value] ?? serviceTypeNames[nameKey(value)];
}

/** The contact role a value of any era stands for, or undefined. */
export function contactRoleOf(value: string): ContactRole | undefined {
  if ((contactRoles as readonly string[]).includes(value)) return value as ContactRole;
  return legacyContactRoleValues[value] ?? contactRoleNames[nameKey(value)];
}

/**
 * The purchaser kind a customer of the 2012 data gets from its name, which is all the old data has. A
 * municipality (kunta) unless the name clearly says otherwise: "… hyvinvointialue" is a wellbeing services
 * county, "Helsinki" / "Helsingin kaupunki" is the City of Helsinki. Espoo's old customer record stays a
 * municipality, not Länsi-Uudenmaan hyvinvointialue: whether the county took the agreements over is for
 * sales to record, not for a migration to guess (docs/sharepoint-store.md, README "Migrations").
 */
export function purchaserKindFromName(name: string): PurchaserKind {
  const key = nameKey(name);
  // The same tests as migration 009's SQL (substrings of the name, Helsinki by its whole name).
  if (['hyvinvointialue', 'valfardsomrade', 'wellbeing services county'].some((word) => key.includes(word))) return 'hyvinvointialue';
  if (key === 'helsinki' || key === 'city of helsinki' || key === 'helsingin kaupunki' || key.startsWith('helsingin kaupunki ')) return 'helsinki';
  return 'kunta';
}

const aliasing = <T extends string>(of: (value: string) => T | undefined) => (value: unknown) =>
  typeof value === 'string' ? (of(value) ?? value) : value;

/** A service type as old data holds it (2012 value or a name): parses to the 2026 value. */
export const serviceTypeOfAnyEra = z.preprocess(aliasing(serviceTypeOf), serviceType);
/** A contact role as old data holds it: parses to the 2026 value. */
export const contactRoleOfAnyEra = z.preprocess(aliasing(contactRoleOf), contactRole);

const mapList = <T extends string>(value: unknown, of: (v: string) => T | undefined): unknown =>
  Array.isArray(value) ? value.map(aliasing(of)) : value;

/**
 * A raw record of `kind` (before its schema parses it) with every value of the 2012 era translated: the
 * service types of places, homes and agreements, contacts' roles (also in the customer plans' encounters),
 * and a customer's purchaser kind when it has none. Values that are no alias pass unchanged, so the schema
 * still refuses what is simply wrong. Pure: returns a new object when something changed, else the same one.
 */
export function withCurrentValues(kind: string, record: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...record };
  switch (kind) {
    case 'place':
      next.serviceType = aliasing(serviceTypeOf)(record.serviceType);
      break;
    case 'careHome':
    case 'agreement':
      next.serviceTypes = mapList(record.serviceTypes, serviceTypeOf);
      break;
    case 'contact':
      next.role = aliasing(contactRoleOf)(record.role);
      break;
    case 'customerPlan':
      if (Array.isArray(record.plannedEncounters)) {
        next.plannedEncounters = record.plannedEncounters.map((e: unknown) =>
          e && typeof e === 'object' ? { ...(e as object), withRole: aliasing(contactRoleOf)((e as { withRole?: unknown }).withRole) } : e,
        );
      }
      break;
    case 'customer':
      if ((record.kind === undefined || record.kind === null || record.kind === '') && typeof record.name === 'string') {
        next.kind = purchaserKindFromName(record.name);
      }
      break;
    default:
      return record;
  }
  return JSON.stringify(next) === JSON.stringify(record) ? record : next;
}

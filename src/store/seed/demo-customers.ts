import type { Contact } from '../../domain/records/contact.js';
import type { Customer } from '../../domain/records/customer.js';
import type { RecordWrite } from '../store-port.js';
import { stableIdFor } from '../../domain/stable-id.js';

type Meta = Pick<Customer, 'version' | 'createdAt' | 'createdBy' | 'updatedAt'>;

/**
 * Demo customers: purchasers of 2026 (DOMAIN.md, "The customers of 2026") — wellbeing services counties
 * and the City of Helsinki under their real names, one in each place the demo homes are, and an insurer
 * as one of the other kinds. The people are invented, with invented addresses; the role mix is the
 * county's: service director, head of elderly services, social worker / service coordinator, supervision
 * officer.
 */
const purchasers: {
  name: string;
  kind: Customer['kind'];
  region: Customer['region'];
  segment: Customer['segment'];
  phase: Customer['lifecyclePhase'];
  /** The e-mail domain of its officials (invented, under .example). */
  domain: string;
  contacts: [string, Contact['role'], string][];
}[] = [
  { name: 'Länsi-Uudenmaan hyvinvointialue', kind: 'hyvinvointialue', region: 'etela-suomi', segment: 'ostopalvelu', phase: 'pysyvyys', domain: 'lansiuusimaa.example', contacts: [['Sari Salminen', 'palvelujohtaja', 'Palvelujohtaja'], ['Timo Toivonen', 'vanhuspalvelujen-johtaja', 'Vanhuspalvelujen johtaja'], ['Hanna Heikkilä', 'sosiaalityontekija', 'Palveluohjaaja'], ['Ville Valkonen', 'valvontaviranhaltija', 'Valvontaviranhaltija']] },
  { name: 'Vantaan ja Keravan hyvinvointialue', kind: 'hyvinvointialue', region: 'etela-suomi', segment: 'palveluseteli', phase: 'kasvu', domain: 'vakehyva.example', contacts: [['Jari Jokinen', 'vanhuspalvelujen-johtaja', 'Ikääntyneiden palvelujen johtaja'], ['Minna Mäkelä', 'sosiaalityontekija', 'Sosiaalityöntekijä']] },
  { name: 'Helsingin kaupunki', kind: 'helsinki', region: 'etela-suomi', segment: 'ostopalvelu', phase: 'kasvu', domain: 'hel.example', contacts: [['Outi Ojala', 'palvelujohtaja', 'Palvelujohtaja'], ['Pekka Pesonen', 'sosiaalityontekija', 'Palveluohjaaja']] },
  { name: 'Varsinais-Suomen hyvinvointialue', kind: 'hyvinvointialue', region: 'lounais-suomi', segment: 'ostopalvelu', phase: 'haltuunotto', domain: 'varha.example', contacts: [['Kari Koskinen', 'palvelujohtaja', 'Palvelujohtaja'], ['Laura Lehtonen', 'sosiaalityontekija', 'Sosiaalityöntekijä']] },
  { name: 'Satakunnan hyvinvointialue', kind: 'hyvinvointialue', region: 'lounais-suomi', segment: 'ostopalvelu', phase: 'pysyvyys', domain: 'satakunta.example', contacts: [['Pirjo Peltonen', 'vanhuspalvelujen-johtaja', 'Vanhuspalvelujen johtaja']] },
  { name: 'Pirkanmaan hyvinvointialue', kind: 'hyvinvointialue', region: 'sisa-suomi', segment: 'palveluseteli', phase: 'hankinta', domain: 'pirha.example', contacts: [['Mika Mattila', 'palvelujohtaja', 'Palvelujohtaja'], ['Riikka Rantanen', 'sosiaalityontekija', 'Palveluohjaaja']] },
  { name: 'Keski-Suomen hyvinvointialue', kind: 'hyvinvointialue', region: 'sisa-suomi', segment: 'ostopalvelu', phase: 'kasvu', domain: 'hyvaks.example', contacts: [['Antti Aaltonen', 'vanhuspalvelujen-johtaja', 'Vanhuspalvelujen johtaja'], ['Eeva Eskola', 'sosiaalityontekija', 'Sosiaalityöntekijä']] },
  { name: 'Vakuutusyhtiö Turva-Esimerkki', kind: 'vakuutusyhtio', region: 'etela-suomi', segment: 'ostopalvelu', phase: 'hankinta', domain: 'turva-esimerkki.example', contacts: [['Sanna Saarinen', 'muu', 'Korvauskäsittelijä']] },
];

export function demoCustomers(meta: Meta): { writes: RecordWrite[]; customers: number; contacts: number } {
  const writes: RecordWrite[] = [];
  let contacts = 0;
  for (const m of purchasers) {
    const customer: Customer = {
      ...meta,
      id: stableIdFor(`customer:${m.name}`),
      name: m.name,
      kind: m.kind,
      region: m.region,
      segment: m.segment,
      lifecyclePhase: m.phase,
    };
    writes.push({ kind: 'customer', record: customer, expectedVersion: null });
    for (const [name, role, title] of m.contacts) {
      const contact: Contact = {
        ...meta,
        id: stableIdFor(`contact:${m.name}:${name}`),
        customerId: customer.id,
        name,
        role,
        title,
        email: `${name.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(' ', '.')}@${m.domain}`,
      };
      writes.push({ kind: 'contact', record: contact, expectedVersion: null });
      contacts++;
    }
  }
  return { writes, customers: purchasers.length, contacts };
}

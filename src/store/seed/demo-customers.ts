import type { Contact } from '../../domain/records/contact.js';
import type { Customer } from '../../domain/records/customer.js';
import type { RecordWrite } from '../store-port.js';
import { stableIdFor } from '../../domain/stable-id.js';

type Meta = Pick<Customer, 'version' | 'createdAt' | 'createdBy' | 'updatedAt'>;

/**
 * Demo municipalities and their officials. Invented people with invented addresses; the role mix is
 * the one the thesis names: social and health director, head of elderly care, social worker.
 */
const municipalities: {
  name: string;
  region: Customer['region'];
  segment: Customer['segment'];
  phase: Customer['lifecyclePhase'];
  contacts: [string, Contact['role'], string][];
}[] = [
  { name: 'Espoon kaupunki', region: 'etela-suomi', segment: 'ostopalvelu', phase: 'pysyvyys', contacts: [['Sari Salminen', 'sote-johtaja', 'Sosiaali- ja terveysjohtaja'], ['Timo Toivonen', 'vanhustyon-paallikko', 'Vanhuspalvelujen päällikkö'], ['Hanna Heikkilä', 'sosiaalityontekija', 'Sosiaalityöntekijä']] },
  { name: 'Vantaan kaupunki', region: 'etela-suomi', segment: 'palveluseteli', phase: 'kasvu', contacts: [['Jari Jokinen', 'vanhustyon-paallikko', 'Vanhustyön päällikkö'], ['Minna Mäkelä', 'sosiaalityontekija', 'Sosiaalityöntekijä']] },
  { name: 'Turun kaupunki', region: 'lounais-suomi', segment: 'ostopalvelu', phase: 'haltuunotto', contacts: [['Kari Koskinen', 'sote-johtaja', 'Perusturvajohtaja'], ['Laura Lehtonen', 'sosiaalityontekija', 'Sosiaalityöntekijä']] },
  { name: 'Salon kaupunki', region: 'lounais-suomi', segment: 'ostopalvelu', phase: 'pysyvyys', contacts: [['Pirjo Peltonen', 'vanhustyon-paallikko', 'Vanhustyön päällikkö']] },
  { name: 'Tampereen kaupunki', region: 'sisa-suomi', segment: 'palveluseteli', phase: 'hankinta', contacts: [['Mika Mattila', 'sote-johtaja', 'Sosiaali- ja terveysjohtaja'], ['Riikka Rantanen', 'sosiaalityontekija', 'Sosiaalityöntekijä']] },
  { name: 'Jyväskylän kaupunki', region: 'sisa-suomi', segment: 'ostopalvelu', phase: 'kasvu', contacts: [['Antti Aaltonen', 'vanhustyon-paallikko', 'Vanhuspalvelujohtaja'], ['Eeva Eskola', 'sosiaalityontekija', 'Sosiaalityöntekijä']] },
];

export function demoCustomers(meta: Meta): { writes: RecordWrite[]; customers: number; contacts: number } {
  const writes: RecordWrite[] = [];
  let contacts = 0;
  for (const m of municipalities) {
    const customer: Customer = {
      ...meta,
      id: stableIdFor(`customer:${m.name}`),
      name: m.name,
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
        email: `${name.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(' ', '.')}@kunta.example`,
      };
      writes.push({ kind: 'contact', record: contact, expectedVersion: null });
      contacts++;
    }
  }
  return { writes, customers: municipalities.length, contacts };
}

import type { Agreement } from '../../../domain/records/agreement.js';
import { serviceTypes, type Region } from '../../../domain/records/common.js';
import type { Contact } from '../../../domain/records/contact.js';
import type { Customer } from '../../../domain/records/customer.js';
import { largeId, metaOn, type GenContext } from './context.js';
import { asciiSlug, personName, type PlaceName } from './names.js';
import { REGION_WEIGHTS } from './sizes.js';

/**
 * The purchasers: mostly wellbeing services counties (hyvinvointialue, the organisers of elderly care since
 * 2023), some cities and municipalities, and a few other buyers (foundations, associations). Every name is
 * built from a fictional place name, e.g. "Esimerkkilän hyvinvointialue".
 */
export const FIRST_CUSTOMER_NAME = 'Esimerkkilän hyvinvointialue';

const KINDS = [
  { weight: 0.45, name: (n: PlaceName) => `${n.genitive} hyvinvointialue`, domain: 'hyvinvointialue' },
  { weight: 0.25, name: (n: PlaceName) => `${n.genitive} kaupunki`, domain: 'kaupunki' },
  { weight: 0.2, name: (n: PlaceName) => `${n.genitive} kunta`, domain: 'kunta' },
  { weight: 0.1, name: (n: PlaceName) => `${n.genitive} vanhustensäätiö`, domain: 'saatio' },
] as const;

export interface GeneratedCustomer {
  customer: Customer;
  contacts: Contact[];
  agreements: Agreement[];
  /** How busy the relationship is: the share of the contact log it gets. */
  weight: number;
  /** Silent customers have no entry in the last `silentDays` days (the digest's "no entry for 14 days"). */
  silentDays: number;
}

const ROLES: readonly [Contact['role'], string][] = [
  ['sote-johtaja', 'Sosiaali- ja terveysjohtaja'],
  ['vanhustyon-paallikko', 'Ikääntyneiden palvelujen päällikkö'],
  ['sosiaalityontekija', 'Sosiaalityöntekijä'],
  ['sosiaalityontekija', 'Palveluohjaaja'],
  ['muu', 'Hankinta-asiantuntija'],
  ['muu', 'Sopimusvalvoja'],
];

function kindAt(roll: number) {
  let sum = 0;
  for (const kind of KINDS) if (roll < (sum += kind.weight)) return kind;
  return KINDS[0];
}

/** `count` customers with their contacts (2–6) and agreements (1–3); names unique. */
export function generateCustomers(ctx: GenContext, count: number, names: readonly PlaceName[]): GeneratedCustomer[] {
  const used = new Set<string>();
  const regions = REGION_WEIGHTS.map(([r]) => r);
  const result: GeneratedCustomer[] = [];
  for (let i = 0; result.length < count; i++) {
    const place = names[i % names.length]!;
    const kind = i === 0 ? KINDS[0] : kindAt(ctx.prng.next());
    // Past about 30× scale the fictional names run out: a round number keeps them unique.
    const name = `${kind.name(place)}${i >= names.length * 8 ? ` ${Math.floor(i / names.length)}` : ''}`;
    if (used.has(name)) continue;
    used.add(name);
    const n = result.length;
    const region: Region = n === 0 ? 'etela-suomi' : ctx.prng.pick(regions);
    const since = `${ctx.prng.int(2020, 2024)}-0${ctx.prng.int(1, 9)}-1${ctx.prng.int(0, 9)}`;
    const customer: Customer = {
      ...metaOn(ctx, since, 'large-seed'),
      id: largeId('customer', n),
      name,
      region,
      segment: ctx.prng.chance(0.7) ? 'ostopalvelu' : 'palveluseteli',
      lifecyclePhase: ctx.prng.pick(['hankinta', 'haltuunotto', 'kasvu', 'pysyvyys', 'pysyvyys'] as const),
      address: `Esimerkkikatu ${ctx.prng.int(1, 99)}, ${place.nominative}`,
      email: `kirjaamo@${asciiSlug(place.nominative)}-${kind.domain}.example`,
      serviceNeeds: 'Kuvitteellinen esimerkkiasiakas (suuren demoaineiston generoima).',
    };
    const domain = `${asciiSlug(place.nominative)}-${kind.domain}.example`;
    const contacts = ctx.prng.sample(ROLES, ctx.prng.int(2, 6)).map(([role, title], c): Contact => {
      const person = personName(ctx.prng);
      return {
        ...metaOn(ctx, since, 'large-seed'),
        id: largeId('contact', `${n}:${c}`),
        customerId: customer.id,
        name: person.full,
        role,
        title,
        email: `${asciiSlug(person.first)}.${asciiSlug(person.last)}@${domain}`,
        phone: `040 ${ctx.prng.int(100, 999)} ${ctx.prng.int(1000, 9999)}`,
      };
    });
    const agreements = Array.from({ length: ctx.prng.int(1, 3) }, (_, a): Agreement => {
      const startYear = ctx.prng.int(2020, 2026);
      const startDate = `${startYear}-0${ctx.prng.int(1, 9)}-01`;
      return {
        ...metaOn(ctx, startDate, 'large-seed'),
        id: largeId('agreement', `${n}:${a}`),
        customerId: customer.id,
        kind: customer.segment,
        title: `${customer.segment === 'ostopalvelu' ? 'Ostopalvelusopimus' : 'Palvelusetelisopimus'} ${startYear}`,
        serviceDescription: 'Ympärivuorokautinen palveluasuminen, kuvitteellinen esimerkkisopimus.',
        serviceTypes: ctx.prng.sample(serviceTypes, ctx.prng.int(1, 3)),
        pricePerDay: ctx.prng.int(120, 260),
        startDate,
        endDate: `${startYear + ctx.prng.int(2, 4)}-12-31`,
        optionYears: [startYear + 5, startYear + 6],
        paymentCommitment: ctx.prng.chance(0.5),
      };
    });
    // A few customers get most of the contacts (a long-tailed share; the first is one of the busiest, for the benchmark); one in eight has gone quiet.
    const weight = n === 0 ? 3 : 1 / (1 + ctx.prng.next() * 9) ** 1.5;
    const silentDays = n !== 0 && ctx.prng.chance(0.125) ? ctx.prng.int(15, 120) : 0;
    result.push({ customer, contacts, agreements, weight, silentDays });
  }
  return result;
}

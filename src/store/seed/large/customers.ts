import type { Agreement } from '../../../domain/records/agreement.js';
import { serviceTypes, type Region } from '../../../domain/records/common.js';
import type { Contact } from '../../../domain/records/contact.js';
import type { Customer, PurchaserKind } from '../../../domain/records/customer.js';
import { organisingPurchasers } from '../../../domain/customers/wellbeing-counties.js';
import { largeId, metaOn, type GenContext } from './context.js';
import { asciiSlug, personName, type PlaceName } from './names.js';
import { REGION_WEIGHTS } from './sizes.js';

/**
 * The purchasers of 2026 (DOMAIN.md, "The customers of 2026"): first the 21 wellbeing services counties and
 * the City of Helsinki, which organise social care since 2023 (real names, invented people), then the other
 * purchasers, each named from a fictional place name: municipalities buying services outside the reform,
 * insurers, private payers' agents and foundations. The first one is the busiest (the benchmark's `asiakas`).
 */
export const FIRST_CUSTOMER_NAME = organisingPurchasers[0]!.name;

const OTHER_KINDS: readonly { weight: number; kind: PurchaserKind; name: (n: PlaceName) => string; domain: string }[] = [
  { weight: 0.35, kind: 'kunta', name: (n) => `${n.genitive} kunta`, domain: 'kunta' },
  { weight: 0.25, kind: 'vakuutusyhtio', name: (n) => `Vakuutusyhtiö ${n.nominative}`, domain: 'vakuutus' },
  { weight: 0.2, kind: 'yksityinen-maksaja', name: (n) => `${n.genitive} Maksajapalvelu Oy`, domain: 'maksajapalvelu' },
  { weight: 0.2, kind: 'muu', name: (n) => `${n.genitive} vanhustensäätiö`, domain: 'saatio' },
];

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
  ['palvelujohtaja', 'Palvelujohtaja'],
  ['vanhuspalvelujen-johtaja', 'Ikääntyneiden palvelujen johtaja'],
  ['sosiaalityontekija', 'Sosiaalityöntekijä'],
  ['sosiaalityontekija', 'Palveluohjaaja'],
  ['valvontaviranhaltija', 'Valvontaviranhaltija'],
  ['muu', 'Hankinta-asiantuntija'],
  ['muu', 'Sopimusvalvoja'],
];

function kindAt(roll: number) {
  let sum = 0;
  for (const kind of OTHER_KINDS) if (roll < (sum += kind.weight)) return kind;
  return OTHER_KINDS[0]!;
}

/** The i-th purchaser: the organisers of social care first, then fictional ones of the other kinds. */
function purchaserAt(ctx: GenContext, i: number, names: readonly PlaceName[], regions: readonly Region[]) {
  const organiser = organisingPurchasers[i];
  if (organiser) {
    const slug = asciiSlug(organiser.name.replace(/ hyvinvointialue$/, ''));
    return { name: organiser.name, kind: organiser.kind, region: organiser.region, domain: organiser.kind === 'helsinki' ? 'hel.example' : `${slug}-hyvinvointialue.example`, place: organiser.name };
  }
  const j = i - organisingPurchasers.length;
  const place = names[j % names.length]!;
  const other = kindAt(ctx.prng.next());
  // Past about 30× scale the fictional names run out: a round number keeps them unique.
  const name = `${other.name(place)}${j >= names.length * 4 ? ` ${Math.floor(j / names.length)}` : ''}`;
  return { name, kind: other.kind, region: ctx.prng.pick(regions), domain: `${asciiSlug(place.nominative)}-${other.domain}.example`, place: place.nominative };
}

/** `count` customers with their contacts (2–6) and agreements (1–3); names unique. */
export function generateCustomers(ctx: GenContext, count: number, names: readonly PlaceName[]): GeneratedCustomer[] {
  const used = new Set<string>();
  const regions = REGION_WEIGHTS.map(([r]) => r);
  const result: GeneratedCustomer[] = [];
  for (let i = 0; result.length < count; i++) {
    const { name, kind, region, domain, place } = purchaserAt(ctx, i, names, regions);
    if (used.has(name)) continue;
    used.add(name);
    const n = result.length;
    const since = `${ctx.prng.int(2020, 2024)}-0${ctx.prng.int(1, 9)}-1${ctx.prng.int(0, 9)}`;
    const customer: Customer = {
      ...metaOn(ctx, since, 'large-seed'),
      id: largeId('customer', n),
      name,
      kind,
      region,
      segment: ctx.prng.chance(0.7) ? 'ostopalvelu' : 'palveluseteli',
      lifecyclePhase: ctx.prng.pick(['hankinta', 'haltuunotto', 'kasvu', 'pysyvyys', 'pysyvyys'] as const),
      address: `Esimerkkikatu ${ctx.prng.int(1, 99)}, ${place}`,
      email: `kirjaamo@${domain}`,
      serviceNeeds: 'Kuvitteellinen esimerkkiasiakas (suuren demoaineiston generoima).',
    };
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

import { addDays } from '../../../domain/dates.js';
import type { ActorRef } from '../../../domain/records/common.js';
import { contactTypes, type ContactLogEntry } from '../../../domain/records/contact-log-entry.js';
import { largeId, metaOn, type GenContext } from './context.js';
import type { GeneratedCustomer } from './customers.js';
import { WeightedPicker } from './prng.js';

/** Years of history: the log starts this many days before today. */
export const HISTORY_DAYS = 6 * 365;

const MATTERS: Record<ContactLogEntry['type'], readonly string[]> = {
  puhelu: ['Soitto paikkatilanteesta: kysyivät tehostetun palveluasumisen vapaita paikkoja.', 'Puhelu sosiaalityöntekijän kanssa tulevista sijoitustarpeista.', 'Kuulumisten vaihto, ei uusia tarpeita juuri nyt.'],
  tapaaminen: ['Tapaaminen palvelupäällikön kanssa: käytiin läpi kuluneen kvartaalin sijoitukset.', 'Esittelykäynti uudessa yksikössä, kiinnostusta lyhytaikaiseen hoitoon.', 'Tutustumiskäynti, mukana kaksi palveluohjaajaa.'],
  sahkoposti: ['Lähetetty päivitetty paikkatilanne sähköpostilla.', 'Vastattu kysymykseen laskutuksen aikataulusta.', 'Lähetetty esite mielenterveyskuntoutujien palveluasumisesta.'],
  hintaneuvottelu: ['Hintaneuvottelu: indeksikorotus ensi vuodelle, sovittiin jatkoneuvottelu.', 'Käyty läpi vuorokausihinnan rakenne ja lisäpalvelut.'],
  optioneuvottelu: ['Optiovuoden käytöstä keskusteltu, päätös tulossa lautakunnasta.', 'Optiokausi: asiakas harkitsee kahden vuoden jatkoa.'],
  asiakastilaisuus: ['Asiakastilaisuus: esiteltiin laatuseurannan tuloksia.', 'Aamiaistilaisuus ostajille, keskustelua kotiutumisen tukemisesta.'],
  muu: ['Yleinen yhteydenpito, kirjattu muistiin.', 'Kuulumisten vaihto seminaarin tauolla.'],
};
const AGREED = ['Lähetetään tarjous viikon sisällä.', 'Sovittiin seuraava tapaaminen.', 'Tarkistetaan vapautuvat paikat ja ilmoitetaan.'];
const TOPICS = ['Paikkatilanteen päivitys', 'Hintaneuvottelun jatko', 'Optiovuoden päätös', 'Laatuseurannan kuulumiset'];

/**
 * The contact log: `count` entries spread over six years (denser towards today, as use grew), shared out
 * by each customer's weight. Every customer not marked silent gets one entry in the last ten days first, so
 * most customers are current; a silent one has nothing newer than its `silentDays`.
 */
export function* generateContactLog(ctx: GenContext, count: number, customers: readonly GeneratedCustomer[], recorders: readonly ActorRef[]): Generator<ContactLogEntry> {
  const picker = new WeightedPicker(customers.map((c) => c.weight));
  let n = 0;
  const entry = (c: GeneratedCustomer, daysBack: number): ContactLogEntry => {
    const date = addDays(ctx.today, -daysBack);
    const type = ctx.prng.pick(contactTypes);
    const recordedBy = ctx.prng.pick(recorders);
    // A recent entry often plans the next contact: those become the card's "next contact".
    const plansNext = daysBack < 30 && ctx.prng.chance(0.5);
    return {
      ...metaOn(ctx, date, recordedBy),
      id: largeId('entry', n++),
      customerId: c.customer.id,
      date,
      type,
      matter: ctx.prng.pick(MATTERS[type]),
      ...(ctx.prng.chance(0.3) ? { agreedActions: ctx.prng.pick(AGREED) } : {}),
      ...(plansNext ? { nextContactDate: addDays(date, ctx.prng.int(7, 45)), nextContactTopic: ctx.prng.pick(TOPICS) } : {}),
      recordedBy,
    };
  };
  for (const c of customers) {
    if (n >= count) return;
    if (c.silentDays === 0) yield entry(c, ctx.prng.int(0, 10));
  }
  while (n < count) {
    const c = customers[picker.index(ctx.prng)]!;
    const from = c.silentDays;
    yield entry(c, from + Math.floor((HISTORY_DAYS - from) * ctx.prng.next() ** 1.6));
  }
}

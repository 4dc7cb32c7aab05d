import { addDays } from '../../../domain/dates.js';
import type { ActorRef, Region } from '../../../domain/records/common.js';
import type { Place } from '../../../domain/records/place.js';
import { daysAgo, instantOn, largeId, metaOn, type GenContext } from './context.js';
import type { GeneratedHome } from './homes.js';
import { splitByWeight } from './sizes.js';

/**
 * The places of every home, labelled per unit ("A1", "B12"). Most are occupied; as in a real occupancy
 * table a few percent are freeing (a date ahead), free (some for weeks: the digest lists those) or
 * preliminarily reserved for a customer of the home's region.
 */
export function* generatePlaces(
  ctx: GenContext,
  homes: readonly GeneratedHome[],
  count: number,
  customersByRegion: ReadonlyMap<Region, readonly string[]>,
  directorOf: (homeId: string) => ActorRef,
): Generator<Place> {
  // Homes differ in size (20 to 60 places at scale 1): weights between 0.5 and 1.5.
  const perHome = splitByWeight(count, homes.map(() => 0.5 + ctx.prng.next()));
  for (const [h, { home, units }] of homes.entries()) {
    const perUnit = splitByWeight(perHome[h]!, units.map(() => 1));
    for (const [u, [serviceType, customerGroup]] of units.entries()) {
      const prefix = serviceType === 'lyhytaikainen' ? 'L' : String.fromCharCode(65 + u);
      for (let n = 1; n <= perUnit[u]!; n++) {
        const director = directorOf(home.id);
        const roll = ctx.prng.next();
        const base: Place = {
          ...metaOn(ctx, '2020-01-02', 'large-seed'),
          id: largeId('place', `${h}:${prefix}${n}`),
          careHomeId: home.id,
          label: `${prefix}${n}`,
          serviceType,
          customerGroup,
          status: 'kaytossa',
        };
        if (roll < 0.88) {
          yield base;
          continue;
        }
        const changedOn = daysAgo(ctx, 0, 20);
        const changedAt = instantOn(ctx, changedOn);
        const changed = { statusChangedBy: director, statusChangedAt: changedAt, updatedAt: changedAt };
        if (roll < 0.92) {
          yield { ...base, ...changed, status: 'vapautuu', freeFrom: addDays(ctx.today, ctx.prng.int(1, 45)) };
        } else if (roll < 0.97) {
          // About a third of the free places have been free for 14 days or more.
          yield { ...base, ...changed, status: 'vapaa', freeFrom: daysAgo(ctx, 1, 60) };
        } else {
          const customers = customersByRegion.get(home.region) ?? [];
          if (customers.length === 0) {
            yield { ...base, ...changed, status: 'vapaa', freeFrom: daysAgo(ctx, 1, 30) };
            continue;
          }
          yield {
            ...base,
            ...changed,
            status: 'alustavasti-varattu',
            freeFrom: addDays(changedOn, ctx.prng.int(0, 14)),
            reservedForCustomerId: ctx.prng.pick(customers),
            reservedBy: director,
            reservedAt: changedAt,
          };
        }
      }
    }
  }
}


import { localDate } from '../domain/dates.js';
import { effectiveStatus, isOpenForSale } from '../domain/places/place-lifecycle.js';
import type { CareHome } from '../domain/records/care-home.js';
import type { Place, PlaceStatus } from '../domain/records/place.js';
import type { ActorRef } from '../domain/records/common.js';
import type { AppContext } from './app-context.js';
import { allows, homeScope, personOf } from './authorize.js';

export interface OpenPlacesOfHome {
  home: CareHome;
  places: (Place & { effectiveStatus: PlaceStatus })[];
}

/** The free and freeing places per home, what sales checks when a municipality calls (thesis 6.1). */
export async function listOpenPlaces(ctx: AppContext): Promise<OpenPlacesOfHome[]> {
  const today = localDate(ctx.clock.now());
  const [homes, places] = await Promise.all([ctx.store.records.list('careHome'), ctx.store.records.list('place')]);
  const open = places.filter((p) => isOpenForSale(p, today));
  return homes
    .map((home) => ({
      home,
      places: open
        .filter((p) => p.careHomeId === home.id)
        .map((p) => ({ ...p, effectiveStatus: effectiveStatus(p, today) }))
        .sort((a, b) => (a.freeFrom ?? '').localeCompare(b.freeFrom ?? '') || a.label.localeCompare(b.label, 'fi')),
    }))
    .filter((group) => group.places.length > 0)
    .sort((a, b) => a.home.region.localeCompare(b.home.region) || a.home.name.localeCompare(b.home.name, 'fi'));
}

/**
 * The care homes, by name. Given who asks, only the homes they may record for: a form offers a home
 * director their own home(s), a regional director the region's homes, everyone else every home.
 */
export async function listCareHomes(ctx: AppContext, recorder?: ActorRef): Promise<CareHome[]> {
  const homes = (await ctx.store.records.list('careHome')).sort((a, b) => a.name.localeCompare(b.name, 'fi'));
  if (!recorder) return homes;
  const person = await personOf(ctx, recorder);
  return homes.filter((home) => allows(person, 'recordForHome', homeScope(home)));
}

import type { PlaceCardData } from '../domain/events.js';
import type { CareHome } from '../domain/records/care-home.js';
import type { Place } from '../domain/records/place.js';
import type { AppContext } from './app-context.js';
import { FIRST_PAGE } from './customer-choices.js';

/**
 * How many customers the Reserve choice lists in the card: the home's region first (thesis 6.1: sales
 * offers a home's places in its region), as a form's first page does (customer-choices.ts). The others are
 * found by typing (the choice's Data.Query, bot/search-invoke.ts); the card says how many there are.
 */
export const RESERVE_CHOICES = FIRST_PAGE;

/**
 * The snapshot the place card renders: the place, its home, and the reserving customer's name
 * (for an occupied place, the customer it was sold to, with who sold it and when).
 */
export async function placeCardData(ctx: AppContext, place: Place, home: CareHome): Promise<PlaceCardData> {
  // The names come from the store's cached, Finnish-sorted list: no re-read and re-sort per freed place.
  const [names, choices] = await Promise.all([ctx.store.queries.customerNames(), ctx.store.queries.customersByRegion(home.region, RESERVE_CHOICES)]);
  const customer = place.reservedForCustomerId ? names.find((c) => c.id === place.reservedForCustomerId) : undefined;
  const reserveChoices = choices.customers.map((c) => ({ id: c.id, name: c.name }));
  return {
    placeId: place.id,
    version: place.version,
    careHomeId: home.id,
    careHomeName: home.name,
    region: home.region,
    label: place.label,
    serviceType: place.serviceType,
    customerGroup: place.customerGroup,
    status: place.status,
    freeFrom: place.freeFrom ?? '',
    note: place.note,
    freedBy: place.statusChangedBy ?? { id: place.createdBy, name: place.createdBy },
    freedAt: place.statusChangedAt ?? place.updatedAt,
    reservedForCustomerId: place.reservedForCustomerId,
    reservedForName: customer?.name,
    reservedBy: place.reservedBy,
    reservedAt: place.reservedAt,
    // The sale is the latest status change of an occupied place (src/domain/places/place-lifecycle.ts, occupy).
    ...(place.status === 'kaytossa' && place.statusChangedBy ? { soldBy: place.statusChangedBy, soldAt: place.statusChangedAt } : {}),
    reserveChoices,
    ...(choices.total > reserveChoices.length ? { moreReserveChoices: choices.total - reserveChoices.length } : {}),
  };
}

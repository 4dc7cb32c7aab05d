import type { PlaceCardData } from '../domain/events.js';
import type { CareHome } from '../domain/records/care-home.js';
import type { Place } from '../domain/records/place.js';
import type { AppContext } from './app-context.js';

/**
 * The snapshot the place card renders: the place, its home, and the reserving municipality's name
 * (for an occupied place, the municipality it was sold to, with who sold it and when).
 */
export async function placeCardData(ctx: AppContext, place: Place, home: CareHome): Promise<PlaceCardData> {
  const customers = await ctx.store.records.list('customer');
  const customer = customers.find((c) => c.id === place.reservedForCustomerId);
  const reserveChoices = customers
    .sort((a, b) => Number(b.region === home.region) - Number(a.region === home.region) || a.name.localeCompare(b.name, 'fi'))
    .map((c) => ({ id: c.id, name: c.name }));
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
  };
}

import type { ActorRef } from '../records/common.js';
import type { Place, PlaceStatus } from '../records/place.js';

/**
 * The place lifecycle (DOMAIN.md "Occupancy table", thesis 6.1):
 *   kaytossa → vapautuu → vapaa → alustavasti-varattu → kaytossa (`occupy`: sold), or back to vapaa
 *   (`release`; to vapautuu when the place was reserved before its date).
 * A freeing place becomes free on its date without anyone touching it; `effectiveStatus` says so.
 */
const transitions: Record<PlaceStatus, readonly PlaceStatus[]> = {
  kaytossa: ['vapautuu', 'vapaa'],
  vapautuu: ['vapaa', 'vapautuu', 'alustavasti-varattu', 'kaytossa'],
  vapaa: ['alustavasti-varattu', 'kaytossa', 'vapautuu'],
  'alustavasti-varattu': ['kaytossa', 'vapaa'],
};

export function canTransition(from: PlaceStatus, to: PlaceStatus): boolean {
  return transitions[from].includes(to);
}

/** Free or freeing depending on the date: a date after today means the place is still occupied until then. */
export function statusForFreeFrom(freeFrom: string, today: string): 'vapaa' | 'vapautuu' {
  return freeFrom > today ? 'vapautuu' : 'vapaa';
}

/** What a place is on `today`: a freeing place whose date has come is free. */
export function effectiveStatus(place: Pick<Place, 'status' | 'freeFrom'>, today: string): PlaceStatus {
  if (place.status === 'vapautuu' && place.freeFrom !== undefined && place.freeFrom <= today) return 'vapaa';
  return place.status;
}

/** Places sales can offer: free now or freeing soon. */
export function isOpenForSale(place: Pick<Place, 'status' | 'freeFrom'>, today: string): boolean {
  const status = effectiveStatus(place, today);
  return status === 'vapaa' || status === 'vapautuu';
}

export interface MarkFreeInput {
  freeFrom: string;
  note?: string | undefined;
  actor: ActorRef;
  at: string;
  today: string;
}

export class PlaceTransitionRefused extends Error {
  constructor(readonly from: PlaceStatus, readonly to: PlaceStatus) {
    super(`a place that is ${from} cannot become ${to}`);
    this.name = 'PlaceTransitionRefused';
  }
}

/** The fields a "place freed" record changes; the caller bumps version and timestamps. */
export function markFree(place: Place, input: MarkFreeInput): Place {
  const to = statusForFreeFrom(input.freeFrom, input.today);
  const from = effectiveStatus(place, input.today);
  if (!canTransition(from, to)) throw new PlaceTransitionRefused(from, to);
  const { reservedBy: _rb, reservedAt: _ra, reservedForCustomerId: _rc, ...rest } = place;
  return {
    ...rest,
    status: to,
    freeFrom: input.freeFrom,
    note: input.note,
    statusChangedBy: input.actor,
    statusChangedAt: input.at,
  };
}

export interface ReserveInput {
  customerId: string;
  actor: ActorRef;
  at: string;
  today: string;
}

/** A preliminary reservation for a customer (thesis 6.1: the reserver's name goes in the table). */
export function reserve(place: Place, input: ReserveInput): Place {
  const from = effectiveStatus(place, input.today);
  if (!canTransition(from, 'alustavasti-varattu')) throw new PlaceTransitionRefused(from, 'alustavasti-varattu');
  return { ...place, status: 'alustavasti-varattu', reservedForCustomerId: input.customerId, reservedBy: input.actor, reservedAt: input.at };
}

export interface SettleInput {
  actor: ActorRef;
  at: string;
  today: string;
}

/**
 * A preliminarily reserved place sold to the customer it was reserved for: occupied again
 * (thesis 6.1: "sold places" in the occupancy table). Who sold it and when become the latest status
 * change; the reservation fields stay, so an occupied place still says to whom it was sold
 * (`reservedForCustomerId`) and who reserved it. `freeFrom` stays too: the day the place was free from.
 * The next `markFree` clears all of them.
 */
export function occupy(place: Place, input: SettleInput): Place {
  const from = effectiveStatus(place, input.today);
  if (from !== 'alustavasti-varattu' || !place.reservedForCustomerId || !canTransition(from, 'kaytossa')) {
    throw new PlaceTransitionRefused(from, 'kaytossa');
  }
  return { ...place, status: 'kaytossa', statusChangedBy: input.actor, statusChangedAt: input.at };
}

/**
 * A preliminary reservation given up: the place is open for sale again, free or still freeing by its
 * date (a freeing place reserved early goes back to freeing, which the transition table does not list
 * because a reserved place cannot be *recorded* as freeing; releasing undoes the reservation instead).
 */
export function release(place: Place, input: SettleInput): Place {
  const from = effectiveStatus(place, input.today);
  if (from !== 'alustavasti-varattu') throw new PlaceTransitionRefused(from, 'vapaa');
  const freeFrom = place.freeFrom ?? input.today;
  const { reservedBy: _rb, reservedAt: _ra, reservedForCustomerId: _rc, ...rest } = place;
  return { ...rest, status: statusForFreeFrom(freeFrom, input.today), freeFrom, statusChangedBy: input.actor, statusChangedAt: input.at };
}

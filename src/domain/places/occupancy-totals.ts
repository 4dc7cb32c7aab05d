import type { PlaceStatus } from '../records/place.js';

/** Places by effective status; `places` is all of them. */
export interface Tally {
  places: number;
  occupied: number;
  freeing: number;
  free: number;
  reserved: number;
}

/** A tally with its occupancy rate, as the occupancy table has it: occupied ÷ places (no places: no rate). */
export type Totals = Tally & { rate: number | null };

const field: Record<PlaceStatus, Exclude<keyof Tally, 'places'>> = { kaytossa: 'occupied', vapautuu: 'freeing', vapaa: 'free', 'alustavasti-varattu': 'reserved' };

export const emptyTally = (): Tally => ({ places: 0, occupied: 0, freeing: 0, free: 0, reserved: 0 });

/** Adds `count` places of one status (a row of the store's aggregate counts). */
export function addPlaces(tally: Tally, status: PlaceStatus, count: number): void {
  tally.places += count;
  tally[field[status]] += count;
}

export const withRate = (t: Tally): Totals => ({ ...t, rate: t.places === 0 ? null : t.occupied / t.places });

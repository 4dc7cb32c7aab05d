import { settlePlaceCommand, type PlaceSettlement } from '../domain/commands/settle-place.js';
import { localDate } from '../domain/dates.js';
import type { PlaceChangedEvent } from '../domain/events.js';
import { occupy, PlaceTransitionRefused, release } from '../domain/places/place-lifecycle.js';
import type { ActorRef } from '../domain/records/common.js';
import type { Place } from '../domain/records/place.js';
import { fieldErrorsFrom } from '../domain/validation.js';
import { notificationsFor } from '../notify/routing.js';
import { ConcurrencyConflict } from '../store/store-port.js';
import type { AppContext } from './app-context.js';
import { authorize, homeScope } from './authorize.js';
import { commitChanges } from './commit-changes.js';
import { placeCardData } from './place-card-data.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';

export type SettlePlaceOutcome =
  /** Sold (occupied) or released; `customerName` is the customer it was sold to or reserved for. */
  | { settled: true; settlement: PlaceSettlement; place: Place; customerName: string }
  /**
   * The card was stale: someone changed the place first. `changedBy`/`changedAt` say who and when
   * (absent when the place was never reserved through HoivaCRM, e.g. occupied since the seed).
   */
  | { settled: false; place: Place; changedBy?: ActorRef | undefined; changedAt?: string | undefined; customerName?: string | undefined };

/**
 * The end of a preliminary reservation, from the reserved place's card (thesis 6.1, occupancy table):
 * sold ("Merkitse myydyksi" → occupied, the card then says who sold it, to whom, when) or released
 * ("Peru varaus" → free or freeing again, Reserve offered again). Limited to the roles that keep the
 * occupancy table or sell (src/app/authorize.ts, settlePlace). The write names the version the card
 * showed, so of two people acting at once exactly one wins and the other is told who was first; every
 * posted card of the place updates in place (routing: place.changed → posted cards).
 */
export async function settlePlace(ctx: AppContext, actor: ActorRef, input: unknown): Promise<UseCaseResult<SettlePlaceOutcome>> {
  const parsed = settlePlaceCommand.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const command = parsed.data;
  const place = await ctx.store.records.get('place', command.placeId);
  if (!place) return invalid([{ field: 'placeId', key: 'place.unknown' }]);
  const home = await ctx.store.records.get('careHome', place.careHomeId);
  if (!home) return invalid([{ field: 'placeId', key: 'place.unknown' }]);
  const authorization = await authorize(ctx, actor, 'settlePlace', homeScope(home));
  if (!authorization.ok) return forbidden(authorization);

  const now = ctx.clock.now();
  const at = now.toISOString();
  const customerNameOf = async (id: string | undefined) => (id ? (await ctx.store.records.get('customer', id))?.name : undefined);

  const firstCame = async (): Promise<UseCaseResult<SettlePlaceOutcome>> => {
    const current = (await ctx.store.records.get('place', place.id)) ?? place;
    const customerName = await customerNameOf(current.reservedForCustomerId ?? place.reservedForCustomerId);
    // The same person's second click on the same card: their own change, not a race lost.
    const mine = current.version === command.version + 1 && current.statusChangedBy?.id === actor.id;
    const sameOutcome = command.settlement === 'sell' ? current.status === 'kaytossa' : current.status === 'vapaa' || current.status === 'vapautuu';
    if (mine && sameOutcome) {
      return { ok: true, duplicate: true, value: { settled: true, settlement: command.settlement, place: current, customerName: customerName ?? '?' } };
    }
    // A reservation is the latest change of a reserved place; any other status names its own change.
    const reserved = current.status === 'alustavasti-varattu';
    return {
      ok: true,
      duplicate: false,
      value: {
        settled: false,
        place: current,
        changedBy: reserved ? current.reservedBy : current.statusChangedBy,
        changedAt: reserved ? current.reservedAt : current.statusChangedAt,
        customerName,
      },
    };
  };
  if (place.version !== command.version) return firstCame();

  const transition = command.settlement === 'sell' ? occupy : release;
  let next: Place;
  try {
    next = { ...transition(place, { actor, at, today: localDate(now) }), version: place.version + 1, updatedAt: at };
  } catch (error) {
    if (error instanceof PlaceTransitionRefused) return firstCame();
    throw error;
  }
  const data = await placeCardData(ctx, next, home);
  const event: PlaceChangedEvent = {
    type: 'place.changed',
    eventId: ctx.newId(),
    occurredAt: at,
    actor,
    data: command.settlement === 'release' ? { ...data, releasedBy: actor, releasedAt: at } : data,
  };
  try {
    return await commitChanges<SettlePlaceOutcome>(ctx, {
      at,
      by: actor,
      // Per action: the same person's "sell" and "release" on one card are two different requests.
      idempotencyKey: `settlePlace:${command.requestId}:${command.settlement}:${actor.id}`,
      writes: [{ kind: 'place', record: next, expectedVersion: place.version }],
      outbox: notificationsFor(event),
      result: { settled: true, settlement: command.settlement, place: next, customerName: (await customerNameOf(place.reservedForCustomerId)) ?? '?' },
    });
  } catch (error) {
    if (error instanceof ConcurrencyConflict) return firstCame();
    throw error;
  }
}
